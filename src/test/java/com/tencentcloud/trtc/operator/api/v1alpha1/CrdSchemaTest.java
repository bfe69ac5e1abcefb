package com.tencentcloud.trtc.operator.api.v1alpha1;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceColumnDefinition;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinitionVersion;
import io.fabric8.kubernetes.api.model.apiextensions.v1.JSONSchemaProps;
import io.fabric8.kubernetes.api.model.apiextensions.v1.ValidationRule;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.BiConsumer;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Reads the committed, generated CRD: the contract users apply, checked as they will get it. */
class CrdSchemaTest {

    static final Path CRD_FILE = Path.of("crds/cloudrecordings.trtc.tencentcloud.com-v1.yml");

    /** Fields that ModifyCloudRecording cannot change and that must always be present. */
    static final List<String> IMMUTABLE_REQUIRED = List.of(
            "sdkAppId", "roomId", "recordParams.recordMode", "storageParams");

    /** Fields that ModifyCloudRecording cannot change and that may be absent (adding or removing is a change). */
    static final List<String> IMMUTABLE_OPTIONAL = List.of(
            "roomIdType", "region", "credentialsSecretRef", "accountRef", "recorder",
            "recordParams.maxIdleTime", "recordParams.streamType", "recordParams.outputFormat",
            "recordParams.avMerge", "recordParams.maxMediaFileDuration", "recordParams.mediaId",
            "recordParams.fillType", "recordParams.subscribeAbility",
            "mixTranscodeParams", "resourceExpiredHour", "maxDuration");

    private static String text;
    private static CustomResourceDefinition crd;
    private static JSONSchemaProps root;

    @BeforeAll
    static void readCommittedCrd() throws IOException {
        text = Files.readString(CRD_FILE);
        crd = Serialization.unmarshal(text, CustomResourceDefinition.class);
        root = version().getSchema().getOpenAPIV3Schema();
    }

    @Test
    void identityMatchesTheContract() {
        assertThat(crd.getMetadata().getName()).isEqualTo("cloudrecordings.trtc.tencentcloud.com");
        assertThat(crd.getSpec().getGroup()).isEqualTo("trtc.tencentcloud.com");
        assertThat(crd.getSpec().getScope()).isEqualTo("Namespaced");
        assertThat(crd.getSpec().getNames().getKind()).isEqualTo("CloudRecording");
        assertThat(crd.getSpec().getNames().getPlural()).isEqualTo("cloudrecordings");
        assertThat(crd.getSpec().getNames().getShortNames()).containsExactly("crec");
        assertThat(crd.getSpec().getVersions()).hasSize(1);
        assertThat(version().getName()).isEqualTo("v1alpha1");
        assertThat(version().getServed()).isTrue();
        assertThat(version().getStorage()).isTrue();
        assertThat(version().getSubresources().getStatus()).isNotNull();
    }

    @Test
    void printerColumnsShowRoomPhaseReadyTaskExpiresAge() {
        Map<String, String> columns = version().getAdditionalPrinterColumns().stream()
                .collect(Collectors.toMap(CustomResourceColumnDefinition::getName,
                        CustomResourceColumnDefinition::getJsonPath));

        assertThat(columns).containsOnly(
                Map.entry("Room", ".spec.roomId"),
                Map.entry("Phase", ".status.phase"),
                Map.entry("Ready", ".status.conditions[?(@.type==\"Ready\")].status"),
                Map.entry("Task", ".status.taskId"),
                Map.entry("Expires", ".status.expiresAt"),
                Map.entry("Restarts", ".status.restarts"),
                Map.entry("Age", ".metadata.creationTimestamp"));
    }

    @Test
    void noSchemaDefaultAnywhere() {
        assertThat(text).doesNotContainPattern("(?m)^\\s*default:");
        walk(root, "", (path, schema) -> assertThat(schema.getDefault()).as(path).isNull());
    }

    /** Array items are described by their array property; Kubernetes' own Condition fields are left as they are. */
    @Test
    void everyPropertyHasADescription() {
        List<String> missing = new ArrayList<>();
        walk(root.getProperties().get("spec"), "spec", (path, schema) -> {
            if (!path.endsWith("[]") && blank(schema.getDescription())) {
                missing.add(path);
            }
        });
        walk(root.getProperties().get("status"), "status", (path, schema) -> {
            boolean kubernetesCondition = path.startsWith("status.conditions[].");
            if (!kubernetesCondition && !path.endsWith("[]") && blank(schema.getDescription())) {
                missing.add(path);
            }
        });

        assertThat(missing).isEmpty();
    }

    @Test
    void everySpecStringAndListIsBoundedSoCelStaysWithinItsCostBudget() {
        List<String> unbounded = new ArrayList<>();
        walk(root.getProperties().get("spec"), "spec", (path, schema) -> {
            if ("string".equals(schema.getType()) && schema.getMaxLength() == null && schema.getEnum() == null) {
                unbounded.add(path);
            }
            if ("array".equals(schema.getType()) && schema.getMaxItems() == null) {
                unbounded.add(path);
            }
        });

        assertThat(unbounded).isEmpty();
    }

    @ParameterizedTest
    @CsvSource({
            "spec.roomIdType, Integer String",
            "spec.deletionPolicy, Delete Orphan",
            "spec.restartPolicy, Never OnFailure",
            "spec.recordParams.recordMode, MixedStream SingleStream",
            "spec.recordParams.streamType, AudioOnly AudioVideo VideoOnly",
            "spec.recordParams.outputFormat, AAC HLS HLSAndAAC HLSAndMP4 MP4",
            "spec.recordParams.mediaId, Aux Main MainAndAux",
            "spec.recordParams.fillType, Black LastFrame",
            "spec.storageParams.cloudStorage.vendor, AWSS3 TencentCOS",
            "spec.storageParams.cloudVod.tencentVod.mediaType, AAC HLS HLSAndAAC HLSAndMP4 MP4",
            "spec.mixTranscodeParams.audioParams.sampleRate, 16000 44100 48000",
            "spec.mixTranscodeParams.audioParams.channel, Mono Stereo",
            "spec.mixLayoutParams.mixLayoutMode, Custom Floating Grid ScreenSharing",
            "spec.mixLayoutParams.mediaId, Aux Main",
            "spec.mixLayoutParams.renderMode, Crop Letterbox SmartStretch Stretch",
            "spec.mixLayoutParams.backgroundImageRenderMode, Crop Letterbox SmartStretch Stretch",
            "spec.mixLayoutParams.maxResolutionUserAlign, Left Right",
            "spec.mixLayoutParams.mixLayoutList[].renderMode, Crop Letterbox SmartStretch Stretch",
            "spec.mixLayoutParams.mixLayoutList[].mediaId, Aux Main",
            "spec.mixLayoutParams.waterMarkList[].waterMarkType, Image Text Timestamp",
            "spec.mixLayoutParams.waterMarkList[].waterMarkTimestamp.pos, "
                    + "BottomCenter BottomLeft BottomRight Center TopCenter TopLeft TopRight"})
    void enumsListTheReadableNames(String path, String names) {
        List<String> values = node(path).getEnum().stream().map(n -> n.asText()).sorted().toList();

        assertThat(values).containsExactly(names.split(" "));
        assertThat(node(path).getType()).isEqualTo("string");
    }

    @ParameterizedTest
    @CsvSource(nullValues = "-", value = {
            "spec.sdkAppId, 1, -",
            "spec.resourceExpiredHour, 6, 720",
            "spec.recordParams.maxIdleTime, 5, 86400",
            "spec.recordParams.maxMediaFileDuration, 1, 1440",
            "spec.mixTranscodeParams.videoParams.width, 0, 1920",
            "spec.mixTranscodeParams.videoParams.height, 0, 1920",
            "spec.mixTranscodeParams.videoParams.fps, 1, 60",
            "spec.mixTranscodeParams.videoParams.bitRate, 64000, 8192000",
            "spec.mixTranscodeParams.audioParams.bitRate, 32000, 128000",
            "spec.mixLayoutParams.mixLayoutList[].top, 0, 1920",
            "spec.mixLayoutParams.mixLayoutList[].left, 0, 1920",
            "spec.mixLayoutParams.mixLayoutList[].width, 0, 1920",
            "spec.mixLayoutParams.mixLayoutList[].height, 0, 1920",
            "spec.mixLayoutParams.mixLayoutList[].alpha, 0, 255",
            "spec.mixLayoutParams.waterMarkList[].waterMarkImage.top, 0, 2560",
            "spec.mixLayoutParams.waterMarkList[].waterMarkImage.left, 0, 2560",
            "spec.mixLayoutParams.waterMarkList[].waterMarkImage.width, 0, 2560",
            "spec.mixLayoutParams.waterMarkList[].waterMarkImage.height, 0, 2560"})
    void rangesAreEnforcedByTheSchema(String path, Double min, Double max) {
        assertThat(node(path).getType()).isEqualTo("integer");
        assertThat(node(path).getMinimum()).isEqualTo(min);
        assertThat(node(path).getMaximum()).isEqualTo(max);
    }

    @ParameterizedTest
    @CsvSource({
            "spec.mixLayoutParams.mixLayoutList, 25",
            "spec.mixLayoutParams.waterMarkList, 25",
            "spec.recordParams.subscribeStreamUserIds.subscribeAudioUserIds, 32",
            "spec.recordParams.subscribeStreamUserIds.unSubscribeAudioUserIds, 32",
            "spec.recordParams.subscribeStreamUserIds.subscribeVideoUserIds, 32",
            "spec.recordParams.subscribeStreamUserIds.unSubscribeVideoUserIds, 32"})
    void listSizesAreCapped(String path, long maxItems) {
        assertThat(node(path).getMaxItems()).isEqualTo(maxItems);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "spec.mixLayoutParams.backGroundColor | ^#[0-9A-Fa-f]{6}$",
            "spec.storageParams.cloudStorage.fileNamePrefix[] | ^[A-Za-z0-9_-]+$",
            "spec.storageParams.cloudVod.tencentVod.userDefineRecordId | ^[A-Za-z0-9_-]{1,64}$",
            "spec.recorder.userId | ^[A-Za-z0-9_-]{1,32}$"})
    void patternsAreEnforcedByTheSchema(String path, String pattern) {
        assertThat(node(path).getPattern()).isEqualTo(pattern);
    }

    @ParameterizedTest
    @CsvSource({
            "spec, recordParams roomId sdkAppId storageParams",
            "spec.recordParams, recordMode",
            "spec.storageParams.cloudStorage, accessKeySecretRef bucket region secretKeySecretRef vendor",
            "spec.mixTranscodeParams.videoParams, bitRate fps gop height width",
            "spec.mixTranscodeParams.audioParams, bitRate channel sampleRate",
            "spec.mixLayoutParams, mixLayoutMode",
            "spec.mixLayoutParams.mixLayoutList[], height left top width",
            "spec.mixLayoutParams.waterMarkList[].waterMarkImage, height left top waterMarkUrl width",
            "spec.mixLayoutParams.waterMarkList[].waterMarkChar, chars height left top width",
            "spec.mixLayoutParams.waterMarkList[].waterMarkTimestamp, pos",
            "spec.recorder.userSigSecretRef, key name",
            "spec.credentialsSecretRef, name"})
    void requiredFieldsAreRequiredWhenTheirObjectIsPresent(String path, String required) {
        assertThat(node(path).getRequired()).containsExactlyInAnyOrder(required.split(" "));
    }

    @Test
    void immutableFieldsHaveTransitionRulesOnTheSpecThatAlsoCatchAddingAndRemoving() {
        Map<String, ValidationRule> byField = rules("spec").stream()
                .filter(r -> r.getRule().contains("oldSelf"))
                .collect(Collectors.toMap(ValidationRule::getFieldPath, r -> r, (a, b) -> a, TreeMap::new));

        for (String field : IMMUTABLE_REQUIRED) {
            ValidationRule rule = byField.get("." + field);
            assertThat(rule).as(field).isNotNull();
            assertThat(rule.getRule()).isEqualTo("self." + field + " == oldSelf." + field);
            assertThat(rule.getMessage())
                    .isEqualTo(field + " cannot change; create a new CloudRecording instead");
        }
        for (String field : IMMUTABLE_OPTIONAL) {
            ValidationRule rule = byField.get("." + field);
            assertThat(rule).as(field).isNotNull();
            assertThat(rule.getRule()).startsWith("has(self." + field + ") == has(oldSelf." + field + ")");
            assertThat(rule.getMessage()).isEqualTo(
                    field + " cannot change, be added or be removed; create a new CloudRecording instead");
        }
    }

    @Test
    void mutableFieldsHaveNoImmutabilityRule() {
        List<String> transitionRules = rules("spec").stream()
                .map(ValidationRule::getRule)
                .filter(r -> r.contains("oldSelf"))
                .toList();

        assertThat(transitionRules).noneMatch(r -> r.contains("subscribeStreamUserIds"));
        assertThat(transitionRules).noneMatch(r -> r.contains("deletionPolicy"));
        assertThat(transitionRules).filteredOn(r -> r.contains("mixLayoutParams"))
                .containsExactly("!has(oldSelf.mixLayoutParams) || has(self.mixLayoutParams)");
        assertThat(transitionRules).hasSize(IMMUTABLE_REQUIRED.size() + IMMUTABLE_OPTIONAL.size() + 1);
    }

    @Test
    void transitionRulesLiveOnlyOnTheSpec() {
        walk(root, "", (path, schema) -> {
            if (!path.equals("spec") && schema.getXKubernetesValidations() != null) {
                assertThat(schema.getXKubernetesValidations()).as(path)
                        .noneMatch(r -> r.getRule().contains("oldSelf"));
            }
        });
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "spec | roomId must be a decimal integer from 1 to 4294967294 when roomIdType is Integer",
            "spec | with roomIdType String, roomId must be 1 to 64 characters",
            "spec | tencentVod.mediaType AAC and HLSAndAAC need recordParams.streamType AudioOnly",
            "spec | mixLayoutParams cannot be removed once set",
            "spec.region | region must be one of ap-beijing, ap-guangzhou, ap-shanghai, ap-singapore",
            "spec.storageParams | set exactly one of cloudStorage and cloudVod",
            "spec.recordParams.subscribeStreamUserIds | set at most one of subscribeAudioUserIds",
            "spec.recordParams.subscribeStreamUserIds | set at most one of subscribeVideoUserIds",
            "spec.mixTranscodeParams.videoParams | width times height must be at most 1920x1080",
            "spec.mixLayoutParams.waterMarkList[] | waterMarkImage must be set when, and only when",
            "spec.mixLayoutParams.waterMarkList[] | waterMarkChar must be set when, and only when",
            "spec.mixLayoutParams.waterMarkList[] | waterMarkTimestamp must be set when, and only when"})
    void celRulesSitOnTheIntendedSchemaNodes(String path, String messageStart) {
        assertThat(rules(path)).extracting(ValidationRule::getMessage)
                .anyMatch(m -> m.startsWith(messageStart));
    }

    @Test
    void everySpecDescriptionSaysWhetherTheFieldCanChange() {
        List<String> wrong = new ArrayList<>();
        walk(root.getProperties().get("spec"), "spec", (path, schema) -> {
            if (path.endsWith("[]") || path.equals("spec.recordParams")) {
                return;
            }
            boolean mutable = path.startsWith("spec.mixLayoutParams")
                    || path.startsWith("spec.recordParams.subscribeStreamUserIds")
                    || path.equals("spec.deletionPolicy")
                    || path.equals("spec.ttlSecondsAfterFinished")
                    || path.equals("spec.restartPolicy") || path.equals("spec.backoffLimit")
                    || path.equals("spec.priority");
            String description = schema.getDescription();
            boolean saysSo = mutable
                    ? description.contains("can change") && !description.contains("cannot change")
                    : description.contains("cannot change");
            if (!saysSo) {
                wrong.add(path);
            }
        });

        assertThat(wrong).isEmpty();
    }

    /** Optional fields state their default; the conditionally required ones say when they must be set. */
    @Test
    void everyOptionalSpecFieldStatesItsDefault() {
        List<String> silent = new ArrayList<>();
        walkOptional(root.getProperties().get("spec"), "spec", (path, schema) -> {
            boolean conditionallyRequired = schema.getDescription().contains("exactly");
            if (!conditionallyRequired && !schema.getDescription().contains("default")) {
                silent.add(path);
            }
        });

        assertThat(silent).isEmpty();
    }

    @Test
    void everyCodedEnumDescriptionMapsEachNameToItsCode() {
        List<String> unmapped = new ArrayList<>();
        walk(root.getProperties().get("spec"), "spec", (path, schema) -> {
            if (schema.getEnum() == null || path.equals("spec.deletionPolicy") || path.equals("spec.restartPolicy")) {
                return;
            }
            for (var value : schema.getEnum()) {
                String name = value.asText();
                if (!schema.getDescription().matches("(?s).*\\b\"?" + name + "\"? \\(\\d.*")) {
                    unmapped.add(path + " " + name);
                }
            }
        });

        assertThat(unmapped).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"spec.mixLayoutParams", "spec.recordParams.subscribeStreamUserIds", "spec.deletionPolicy",
            "spec.restartPolicy", "spec.backoffLimit"})
    void mutableFieldsAreDescribedAsChangeable(String path) {
        assertThat(node(path).getDescription()).contains("can change");
    }

    @Test
    void immutableFieldsAreDescribedAsFixed() {
        for (String field : IMMUTABLE_REQUIRED) {
            assertThat(node("spec." + field).getDescription()).as(field).contains("cannot change");
        }
        for (String field : IMMUTABLE_OPTIONAL) {
            assertThat(node("spec." + field).getDescription()).as(field).contains("cannot change");
        }
    }

    private static CustomResourceDefinitionVersion version() {
        return crd.getSpec().getVersions().get(0);
    }

    private static List<ValidationRule> rules(String path) {
        List<ValidationRule> rules = node(path).getXKubernetesValidations();
        return rules == null ? List.of() : rules;
    }

    /** The schema at a dotted path from the root; {@code []} steps into array items. */
    static JSONSchemaProps node(String path) {
        JSONSchemaProps schema = root;
        for (String part : path.split("\\.")) {
            boolean items = part.endsWith("[]");
            String name = items ? part.substring(0, part.length() - 2) : part;
            schema = schema.getProperties().get(name);
            assertThat(schema).as(path).isNotNull();
            if (items) {
                schema = schema.getItems().getSchema();
            }
        }
        return schema;
    }

    /** Visits every property and array item below a schema node, with its dotted path. */
    static void walk(JSONSchemaProps schema, String path, BiConsumer<String, JSONSchemaProps> visitor) {
        if (schema.getProperties() != null) {
            schema.getProperties().forEach((name, child) -> {
                String childPath = path.isEmpty() ? name : path + "." + name;
                visitor.accept(childPath, child);
                walk(child, childPath, visitor);
            });
        }
        if (schema.getItems() != null && schema.getItems().getSchema() != null) {
            String itemsPath = path + "[]";
            visitor.accept(itemsPath, schema.getItems().getSchema());
            walk(schema.getItems().getSchema(), itemsPath, visitor);
        }
    }

    /** Visits every property that its object does not require (array items excluded). */
    static void walkOptional(JSONSchemaProps schema, String path, BiConsumer<String, JSONSchemaProps> visitor) {
        if (schema.getProperties() != null) {
            List<String> required = schema.getRequired() == null ? List.of() : schema.getRequired();
            schema.getProperties().forEach((name, child) -> {
                String childPath = path + "." + name;
                if (!required.contains(name)) {
                    visitor.accept(childPath, child);
                }
                walkOptional(child, childPath, visitor);
            });
        }
        if (schema.getItems() != null && schema.getItems().getSchema() != null) {
            walkOptional(schema.getItems().getSchema(), path + "[]", visitor);
        }
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
