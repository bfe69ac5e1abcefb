package com.tencentcloud.trtc.operator.api.v1alpha1;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import com.tencentcloud.trtc.operator.it.RealApiServer;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.GenericKubernetesResourceList;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.NonNamespaceOperation;
import io.fabric8.kubernetes.client.dsl.Resource;
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
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The committed CRD on a real API server: what the mock cannot check (schema, CEL, transition rules). Runs on the
 * shared server of the IT tier ({@link RealApiServer}), in a namespace of its own.
 */
@ExtendWith(RealApiServer.class)
public class CrdValidationIT {

    @Nested
    class OnARealApiServer {

        static String namespace;

        static KubernetesClient client;

        @BeforeAll
        static void applyTheCommittedCrd() {
            RealApiServer.installCrds();
            client = RealApiServer.client();
            namespace = RealApiServer.newNamespace("crd-validation");
        }

        @ParameterizedTest
        @ValueSource(strings = {"full-cos", "full-vod", "minimal"})
        void validManifestIsAccepted(String fixture) {
            GenericKubernetesResource created = recordings().resource(fixture(fixture, "valid-" + fixture)).create();

            assertThat(created.getMetadata().getUid()).isNotBlank();
        }

        static Stream<Arguments> badManifests() {
            return Stream.of(
                    arguments("missing-sdkappid", mutation(spec -> spec.remove("sdkAppId")), "Required value"),
                    arguments("missing-recordmode",
                            mutation(spec -> map(spec, "recordParams").remove("recordMode")), "Required value"),
                    arguments("expiry-out-of-range", mutation(spec -> spec.put("resourceExpiredHour", 721)),
                            "should be less than or equal to 720"),
                    arguments("idle-out-of-range", mutation(spec -> map(spec, "recordParams").put("maxIdleTime", 4)),
                            "should be greater than or equal to 5"),
                    arguments("both-storages", mutation(spec -> map(spec, "storageParams").put("cloudStorage",
                            map(fixtureSpec("full-cos"), "storageParams").get("cloudStorage"))),
                            "set exactly one of cloudStorage and cloudVod"),
                    arguments("no-storage", mutation(spec -> map(spec, "storageParams").remove("cloudVod")),
                            "set exactly one of cloudStorage and cloudVod"),
                    arguments("integer-room-not-a-number", mutation(spec -> spec.put("roomId", "room-1")),
                            "roomId must be a decimal integer from 1 to 4294967294"),
                    arguments("integer-room-too-large", mutation(spec -> spec.put("roomId", "4294967295")),
                            "roomId must be a decimal integer from 1 to 4294967294"),
                    arguments("integer-room-zero", mutation(spec -> spec.put("roomId", "0")),
                            "roomId must be a decimal integer from 1 to 4294967294"),
                    arguments("string-room-bad-character", mutation(spec -> {
                        spec.put("roomIdType", "String");
                        spec.put("roomId", "a/b");
                    }), "with roomIdType String, roomId must be 1 to 64 characters"),
                    arguments("bad-enum", mutation(spec -> map(spec, "recordParams").put("recordMode", "Mixed")),
                            "Unsupported value"),
                    arguments("bad-region", mutation(spec -> spec.put("region", "ap-tokyo")),
                            "region must be one of ap-beijing, ap-guangzhou, ap-shanghai, ap-singapore"),
                    arguments("audio-allow-and-block", mutation(spec -> map(spec, "recordParams").put(
                            "subscribeStreamUserIds", Map.of(
                                    "subscribeAudioUserIds", List.of("a"), "unSubscribeAudioUserIds", List.of("b")))),
                            "set at most one of subscribeAudioUserIds"),
                    arguments("watermark-type-mismatch", mutation(spec -> spec.put("mixLayoutParams", Map.of(
                            "mixLayoutMode", "Grid",
                            "waterMarkList", List.of(Map.of("waterMarkType", "Text",
                                    "waterMarkTimestamp", Map.of("pos", "Center")))))),
                            "waterMarkChar must be set when, and only when, waterMarkType is Text"),
                    arguments("video-too-many-pixels", mutation(spec -> spec.put("mixTranscodeParams", Map.of(
                            "videoParams", Map.of("width", 1920, "height", 1920, "fps", 15,
                                    "bitRate", 550000, "gop", 10)))),
                            "width times height must be at most 1920x1080"),
                    arguments("bad-background-colour", mutation(spec -> spec.put("mixLayoutParams", Map.of(
                            "mixLayoutMode", "Grid", "backGroundColor", "orange"))),
                            "backGroundColor"),
                    arguments("bad-recorder-user-id", mutation(spec -> spec.put("recorder",
                            Map.of("userId", "robot with spaces"))), "recorder.userId"),
                    arguments("restart-policy-always", mutation(spec -> spec.put("restartPolicy", "Always")),
                            "Unsupported value: \"Always\""),
                    arguments("backoff-limit-too-large", mutation(spec -> spec.put("backoffLimit", 21)),
                            "should be less than or equal to 20"),
                    arguments("backoff-limit-negative", mutation(spec -> spec.put("backoffLimit", -1)),
                            "should be greater than or equal to 0"));
        }

        @ParameterizedTest(name = "{0}")
        @MethodSource("badManifests")
        void badManifestIsRefusedWithTheRuleMessage(String name, Consumer<Map<String, Object>> change,
                String message) {
            GenericKubernetesResource recording = fixture("minimal", "bad-" + name);
            change.accept(spec(recording));

            assertThatThrownBy(() -> recordings().resource(recording).create())
                    .isInstanceOfSatisfying(KubernetesClientException.class,
                            e -> assertThat(e.getCode()).isEqualTo(422))
                    .hasMessageContaining(message);
        }

        static Stream<Arguments> immutableChanges() {
            return Stream.of(
                    arguments("sdkappid", mutation(spec -> spec.put("sdkAppId", 1400000002L)),
                            "sdkAppId cannot change; create a new CloudRecording instead"),
                    arguments("roomid", mutation(spec -> spec.put("roomId", "3561")),
                            "roomId cannot change; create a new CloudRecording instead"),
                    arguments("recordmode", mutation(spec -> map(spec, "recordParams").put("recordMode", "SingleStream")),
                            "recordParams.recordMode cannot change; create a new CloudRecording instead"),
                    arguments("idle-removed", mutation(spec -> map(spec, "recordParams").remove("maxIdleTime")),
                            "recordParams.maxIdleTime cannot change, be added or be removed"),
                    arguments("expiry-removed", mutation(spec -> spec.remove("resourceExpiredHour")),
                            "resourceExpiredHour cannot change, be added or be removed"),
                    arguments("bucket", mutation(spec -> map(map(spec, "storageParams"), "cloudStorage")
                            .put("bucket", "other")), "storageParams cannot change"),
                    arguments("transcode", mutation(spec -> map(map(spec, "mixTranscodeParams"), "videoParams")
                            .put("fps", 15)), "mixTranscodeParams cannot change"),
                    arguments("recorder-removed", mutation(spec -> spec.remove("recorder")),
                            "recorder cannot change, be added or be removed"),
                    arguments("layout-removed", mutation(spec -> spec.remove("mixLayoutParams")),
                            "mixLayoutParams cannot be removed once set"));
        }

        @ParameterizedTest(name = "{0}")
        @MethodSource("immutableChanges")
        void changeToAFieldModifyCannotChangeIsRefused(String name, Consumer<Map<String, Object>> change,
                String message) {
            GenericKubernetesResource created = recordings().resource(fixture("full-cos", "immutable-" + name)).create();
            change.accept(spec(created));

            assertThatThrownBy(() -> recordings().resource(created).update())
                    .isInstanceOfSatisfying(KubernetesClientException.class,
                            e -> assertThat(e.getCode()).isEqualTo(422))
                    .hasMessageContaining(message);
        }

        @Test
        void addingAnOptionalImmutableFieldIsRefused() {
            GenericKubernetesResource created = recordings().resource(fixture("minimal", "immutable-added")).create();
            spec(created).put("resourceExpiredHour", 24);

            assertThatThrownBy(() -> recordings().resource(created).update())
                    .isInstanceOf(KubernetesClientException.class)
                    .hasMessageContaining("resourceExpiredHour cannot change, be added or be removed");
        }

        @Test
        void layoutSubscriptionsAndDeletionPolicyCanChange() {
            GenericKubernetesResource created = recordings().resource(fixture("full-cos", "mutable")).create();
            Map<String, Object> spec = spec(created);
            spec.put("mixLayoutParams", Map.of("mixLayoutMode", "Grid", "backGroundColor", "#112233"));
            map(spec, "recordParams").put("subscribeStreamUserIds",
                    Map.of("subscribeVideoUserIds", List.of("carol"), "unSubscribeAudioUserIds", List.of("dave")));
            spec.put("deletionPolicy", "Delete");

            GenericKubernetesResource updated = recordings().resource(created).update();

            assertThat(map(spec(updated), "mixLayoutParams")).containsEntry("mixLayoutMode", "Grid");
            assertThat(updated.getMetadata().getGeneration()).isEqualTo(2L);
        }

        @Test
        void restartPolicyAndBackoffLimitCanBeAddedChangedAndRemoved() {
            GenericKubernetesResource created = recordings().resource(fixture("minimal", "restarts-mutable")).create();
            spec(created).put("restartPolicy", "Never");
            spec(created).put("backoffLimit", 0);
            GenericKubernetesResource added = recordings().resource(created).update();
            spec(added).put("restartPolicy", "OnFailure");
            spec(added).put("backoffLimit", 20);
            GenericKubernetesResource changed = recordings().resource(added).update();
            spec(changed).remove("restartPolicy");
            spec(changed).remove("backoffLimit");

            GenericKubernetesResource removed = recordings().resource(changed).update();

            assertThat(spec(changed)).doesNotContainKeys("restartPolicy", "backoffLimit");
            assertThat(removed.getMetadata().getGeneration()).isEqualTo(4L);
        }

        @Test
        void layoutCanBeAddedLater() {
            GenericKubernetesResource created = recordings().resource(fixture("minimal", "layout-added")).create();
            spec(created).put("mixLayoutParams", Map.of("mixLayoutMode", "Floating"));

            GenericKubernetesResource updated = recordings().resource(created).update();

            assertThat(map(spec(updated), "mixLayoutParams")).containsEntry("mixLayoutMode", "Floating");
        }

        private static NonNamespaceOperation<GenericKubernetesResource, GenericKubernetesResourceList,
                Resource<GenericKubernetesResource>> recordings() {
            return client.genericKubernetesResources(CloudRecording.GROUP + "/" + CloudRecording.VERSION,
                    "CloudRecording").inNamespace(namespace);
        }
    }

    private static GenericKubernetesResource fixture(String fixture, String name) {
        GenericKubernetesResource resource = Serialization.unmarshal(
                StrictYaml.text("/mapping/" + fixture + "-cloudrecording.yaml"), GenericKubernetesResource.class);
        resource.getMetadata().setName(name);
        resource.getMetadata().setNamespace(OnARealApiServer.namespace);
        return resource;
    }

    private static Map<String, Object> fixtureSpec(String fixture) {
        return spec(fixture(fixture, fixture));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> spec(GenericKubernetesResource resource) {
        return (Map<String, Object>) resource.getAdditionalProperties().get("spec");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Map<String, Object> parent, String key) {
        Object child = parent.get(key);
        if (!(child instanceof LinkedHashMap)) {
            child = child == null ? new LinkedHashMap<String, Object>() : new LinkedHashMap<>((Map<String, Object>) child);
            parent.put(key, child);
        }
        return (Map<String, Object>) child;
    }

    private static Consumer<Map<String, Object>> mutation(Consumer<Map<String, Object>> change) {
        return change;
    }
}
