package com.tencentcloud.trtc.operator.api.v1alpha1;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import com.tencentcloud.trtc.operator.it.RealApiServer;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The committed CloudRecordingSchedule CRD, and maxDuration on CloudRecording, on a real API server: what a user gets
 * at apply time for a schedule, zone, policy or template that cannot work. Each test uses its own namespace.
 * Runs on the IT tier's shared server ({@link RealApiServer}).
 */
@ExtendWith(RealApiServer.class)
public class ScheduleValidationIT {

    @Nested
    class OnARealApiServer {

        static KubernetesClient client;

        @BeforeAll
        static void applyTheCommittedCrds() {
            RealApiServer.installCrds();
            client = RealApiServer.client();
        }

        @Test
        void theSampleScheduleIsAccepted() {
            GenericKubernetesResource created = create(schedule(s -> { }));

            assertThat(created.getMetadata().getUid()).isNotBlank();
        }

        static Stream<Arguments> badSchedules() {
            String fiveFields = "schedule must be five cron fields";
            String zone = "timeZone must be an IANA time zone name";
            return Stream.of(
                    arguments("four-fields", change(s -> s.put("schedule", "0 9 * *")), fiveFields),
                    arguments("six-fields", change(s -> s.put("schedule", "0 0 9 * * *")), fiveFields),
                    arguments("nickname", change(s -> s.put("schedule", "@hourly")), fiveFields),
                    arguments("cron-tz-prefix", change(s -> s.put("schedule", "CRON_TZ=UTC 0 9 * * *")), fiveFields),
                    arguments("empty-schedule", change(s -> s.put("schedule", "")), "spec.schedule"),
                    arguments("no-schedule", change(s -> s.remove("schedule")), "Required value"),
                    arguments("local-zone", change(s -> s.put("timeZone", "Local")), zone),
                    arguments("offset-zone", change(s -> s.put("timeZone", "+08:00")), zone),
                    arguments("zone-with-space", change(s -> s.put("timeZone", "Europe/ Berlin")), zone),
                    arguments("bad-policy", change(s -> s.put("concurrencyPolicy", "Sometimes")), "Unsupported value"),
                    arguments("deadline-too-short", change(s -> s.put("startingDeadlineSeconds", 5)),
                            "should be greater than or equal to 10"),
                    arguments("negative-history", change(s -> s.put("successfulHistoryLimit", -1)),
                            "should be greater than or equal to 0"),
                    arguments("allow-with-fixed-robot", change(s -> {
                        s.put("concurrencyPolicy", "Allow");
                        template(s).put("recorder", Map.of("userId", "the-robot"));
                    }), "concurrencyPolicy Allow lets children overlap"),
                    arguments("no-template", change(s -> s.remove("template")), "Required value"),
                    arguments("template-integer-room-not-a-number", change(s -> template(s).put("roomId", "room-1")),
                            "roomId must be a decimal integer from 1 to 4294967294"),
                    arguments("template-without-storage", change(s -> template(s).remove("storageParams")), "Required value"),
                    arguments("template-max-duration-too-short", change(s -> template(s).put("maxDuration", "30s")),
                            "maxDuration must be at least 1m"),
                    arguments("template-max-duration-past-window", change(s -> template(s).put("maxDuration", "72h")),
                            "maxDuration must be shorter than the management window"),
                    arguments("template-max-duration-words", change(s -> template(s).put("maxDuration", "90 minutes")),
                            "spec.template.spec.maxDuration"),
                    arguments("template-backoff-limit-too-large", change(s -> template(s).put("backoffLimit", 21)),
                            "spec.template.spec.backoffLimit"),
                    arguments("template-restart-policy-always", change(s -> template(s).put("restartPolicy", "Always")),
                            "spec.template.spec.restartPolicy"));
        }

        @ParameterizedTest(name = "{0}")
        @MethodSource("badSchedules")
        void aScheduleThatCannotWorkIsRefusedAtApplyWithTheRuleMessage(String name, Consumer<Map<String, Object>> change,
                                                                        String message) {
            assertThatThrownBy(() -> create(schedule(change)))
                    .isInstanceOfSatisfying(KubernetesClientException.class, e -> assertThat(e.getCode()).isEqualTo(422))
                    .hasMessageContaining(message)
                    .as("no rule fails on a value the schema already refused").hasMessageNotContaining("type conversion");
        }

        @Test
        void everyFieldOfAScheduleCanChangeIncludingTheTemplateSpec() {
            GenericKubernetesResource created = create(schedule(s -> s.put("timeZone", "Asia/Shanghai")));
            Map<String, Object> spec = spec(created);
            spec.put("schedule", "30 8 * * MON-FRI");
            spec.put("timeZone", "Europe/Berlin");
            spec.put("suspend", true);
            spec.put("concurrencyPolicy", "Replace");
            template(spec).put("roomId", "4242");
            template(spec).put("resourceExpiredHour", 24);
            template(spec).remove("maxDuration");

            GenericKubernetesResource updated = client.resource(created).update();

            assertThat(updated.getMetadata().getGeneration()).isEqualTo(2L);
            assertThat(template(spec(updated))).containsEntry("roomId", "4242");
        }

        @Test
        void maxDurationOnARecordingIsCheckedAgainstItsWindowAndIsImmutable() {
            String namespace = namespace();
            assertThatThrownBy(() -> client.resource(recording(namespace, "short", "30s", null)).create())
                    .hasMessageContaining("maxDuration must be at least 1m");
            assertThatThrownBy(() -> client.resource(recording(namespace, "default-window", "72h", null)).create())
                    .hasMessageContaining("maxDuration must be shorter than the management window");
            assertThatThrownBy(() -> client.resource(recording(namespace, "own-window", "6h", 6)).create())
                    .hasMessageContaining("maxDuration must be shorter than the management window");
            GenericKubernetesResource created = client.resource(recording(namespace, "fits", "5h59m", 6)).create();
            assertThat(client.resource(recording(namespace, "ninety", "90m", null)).create().getMetadata().getUid()).isNotBlank();

            spec(created).put("maxDuration", "2h");
            assertThatThrownBy(() -> client.resource(created).update())
                    .hasMessageContaining("maxDuration cannot change, be added or be removed");
        }

        private static GenericKubernetesResource create(GenericKubernetesResource schedule) {
            schedule.getMetadata().setNamespace(namespace());
            return client.resource(schedule).create();
        }

        private static String namespace() {
            return RealApiServer.newNamespace("schedule-validation");
        }
    }

    private static GenericKubernetesResource schedule(Consumer<Map<String, Object>> change) {
        GenericKubernetesResource schedule = Serialization.unmarshal(StrictYaml.text("/schedule/schedule.yaml"),
                GenericKubernetesResource.class);
        change.accept(spec(schedule));
        return schedule;
    }

    private static GenericKubernetesResource recording(String namespace, String name, String maxDuration, Integer hours) {
        GenericKubernetesResource recording = Serialization.unmarshal(StrictYaml.text("/mapping/minimal-cloudrecording.yaml"),
                GenericKubernetesResource.class);
        recording.getMetadata().setName(name);
        recording.getMetadata().setNamespace(namespace);
        spec(recording).put("maxDuration", maxDuration);
        if (hours != null) {
            spec(recording).put("resourceExpiredHour", hours);
        }
        return recording;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> spec(GenericKubernetesResource resource) {
        Object spec = resource.getAdditionalProperties().get("spec");
        if (!(spec instanceof LinkedHashMap)) {
            spec = new LinkedHashMap<>((Map<String, Object>) spec);
            resource.getAdditionalProperties().put("spec", spec);
        }
        return (Map<String, Object>) spec;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> template(Map<String, Object> scheduleSpec) {
        Map<String, Object> template = new LinkedHashMap<>((Map<String, Object>) scheduleSpec.get("template"));
        scheduleSpec.put("template", template);
        Map<String, Object> spec = new LinkedHashMap<>((Map<String, Object>) template.get("spec"));
        template.put("spec", spec);
        Object storage = spec.get("storageParams");
        if (storage instanceof Map<?, ?> map) {
            spec.put("storageParams", new LinkedHashMap<>((Map<String, Object>) map));
        }
        return spec;
    }

    private static Consumer<Map<String, Object>> change(Consumer<Map<String, Object>> change) {
        return change;
    }
}
