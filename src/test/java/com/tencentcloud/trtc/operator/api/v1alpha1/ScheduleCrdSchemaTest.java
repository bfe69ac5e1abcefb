package com.tencentcloud.trtc.operator.api.v1alpha1;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceColumnDefinition;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinitionVersion;
import io.fabric8.kubernetes.api.model.apiextensions.v1.JSONSchemaProps;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Reads the committed, generated CloudRecordingSchedule CRD: the contract of design §9 as users get it. */
class ScheduleCrdSchemaTest {

    static final Path CRD_FILE = Path.of("crds/cloudrecordingschedules.trtc.tencentcloud.com-v1.yml");

    private static String text;
    private static CustomResourceDefinitionVersion version;
    private static JSONSchemaProps spec;

    @BeforeAll
    static void readCommittedCrd() throws IOException {
        text = Files.readString(CRD_FILE);
        CustomResourceDefinition crd = Serialization.unmarshal(text, CustomResourceDefinition.class);
        assertThat(crd.getMetadata().getName()).isEqualTo("cloudrecordingschedules.trtc.tencentcloud.com");
        assertThat(crd.getSpec().getGroup()).isEqualTo("trtc.tencentcloud.com");
        assertThat(crd.getSpec().getScope()).isEqualTo("Namespaced");
        assertThat(crd.getSpec().getNames().getKind()).isEqualTo("CloudRecordingSchedule");
        assertThat(crd.getSpec().getNames().getPlural()).isEqualTo("cloudrecordingschedules");
        assertThat(crd.getSpec().getNames().getShortNames()).containsExactly("crecsched");
        assertThat(crd.getSpec().getVersions()).singleElement().satisfies(v -> assertThat(v.getName()).isEqualTo("v1alpha1"));
        version = crd.getSpec().getVersions().get(0);
        spec = version.getSchema().getOpenAPIV3Schema().getProperties().get("spec");
    }

    @Test
    void statusIsASubresource() {
        assertThat(version.getSubresources().getStatus()).isNotNull();
        assertThat(version.getSchema().getOpenAPIV3Schema().getProperties().get("status").getProperties())
                .containsOnlyKeys("lastScheduleTime", "nextScheduleTime", "active", "observedGeneration", "conditions");
    }

    @Test
    void printerColumnsAreThoseOfACronJob() {
        Map<String, String> columns = version.getAdditionalPrinterColumns().stream()
                .collect(Collectors.toMap(CustomResourceColumnDefinition::getName, CustomResourceColumnDefinition::getJsonPath));

        assertThat(columns).containsOnly(
                Map.entry("Schedule", ".spec.schedule"),
                Map.entry("Timezone", ".spec.timeZone"),
                Map.entry("Suspend", ".spec.suspend"),
                Map.entry("Active", ".status.active"),
                Map.entry("Last", ".status.lastScheduleTime"),
                Map.entry("Next", ".status.nextScheduleTime"),
                Map.entry("Age", ".metadata.creationTimestamp"));
    }

    @Test
    void theSpecHasTheFieldsOfTheContractAndNoSchemaDefault() {
        assertThat(spec.getProperties()).containsOnlyKeys("schedule", "timeZone", "template", "concurrencyPolicy",
                "startingDeadlineSeconds", "successfulHistoryLimit", "failedHistoryLimit", "suspend");
        assertThat(spec.getRequired()).containsExactlyInAnyOrder("schedule", "template");
        assertThat(spec.getProperties().get("concurrencyPolicy").getEnum()).extracting(n -> n.asText())
                .containsExactlyInAnyOrder("Allow", "Forbid", "Replace");
        assertThat(text).doesNotContainPattern("(?m)^\\s*default:");
    }

    @Test
    void everyScheduleFieldIsDescribedWithItsDefaultAndSaysItCanChange() {
        List<String> wrong = new ArrayList<>();
        List<String> required = spec.getRequired();
        spec.getProperties().forEach((name, field) -> {
            String description = field.getDescription() == null ? "" : field.getDescription();
            boolean saysDefault = required.contains(name) ? description.contains("required") : description.contains("default");
            if (!saysDefault || !description.contains("can change") || description.contains("cannot change")) {
                wrong.add(name);
            }
        });
        JSONSchemaProps template = spec.getProperties().get("template");
        template.getProperties().forEach((name, field) -> {
            if (field.getDescription() == null || !field.getDescription().contains("can change")) {
                wrong.add("template." + name);
            }
        });

        assertThat(wrong).isEmpty();
    }

    @Test
    void theTemplateSpecIsACloudRecordingSpecWithoutItsImmutability() throws IOException {
        JSONSchemaProps recording = Serialization.unmarshal(Files.readString(CrdSchemaTest.CRD_FILE), CustomResourceDefinition.class)
                .getSpec().getVersions().get(0).getSchema().getOpenAPIV3Schema().getProperties().get("spec");
        JSONSchemaProps template = spec.getProperties().get("template").getProperties().get("spec");

        assertThat(Serialization.asJson(template.getProperties())).isEqualTo(Serialization.asJson(recording.getProperties()));
        assertThat(template.getRequired()).containsExactlyInAnyOrderElementsOf(recording.getRequired());
        assertThat(template.getXKubernetesValidations()).extracting(r -> r.getRule())
                .containsExactlyElementsOf(recording.getXKubernetesValidations().stream().map(r -> r.getRule())
                        .filter(r -> !r.contains("oldSelf")).toList());
        assertThat(Serialization.asJson(spec)).doesNotContain("oldSelf");
    }

    @Test
    void schedulesAndZonesAreCheckedByRulesWithMessages() {
        assertThat(spec.getProperties().get("schedule").getXKubernetesValidations()).singleElement()
                .satisfies(r -> assertThat(r.getMessage()).startsWith("schedule must be five cron fields"));
        assertThat(spec.getProperties().get("timeZone").getXKubernetesValidations()).singleElement()
                .satisfies(r -> assertThat(r.getMessage()).startsWith("timeZone must be an IANA time zone name"));
        assertThat(spec.getProperties().get("schedule").getMaxLength()).isNotNull();
        assertThat(spec.getProperties().get("timeZone").getMaxLength()).isNotNull();
        assertThat(spec.getXKubernetesValidations()).singleElement()
                .satisfies(r -> assertThat(r.getRule()).contains("Allow").contains("recorder.userId"));
    }
}
