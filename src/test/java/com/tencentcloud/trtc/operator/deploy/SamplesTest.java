package com.tencentcloud.trtc.operator.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.tencentcloud.trtc.operator.account.LabelSelection;
import com.tencentcloud.trtc.operator.api.v1alpha1.CloudRecording;
import com.tencentcloud.trtc.operator.api.v1alpha1.TrtcAccount;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every manifest in config/samples is a valid CloudRecording, CloudRecordingSchedule or Secret, and every Secret a
 * sample needs is there. The TrtcAccount samples in config/samples/accounts (objects that name their namespaces, so
 * kept out of the namespace-free samples) are valid too, and their recording may use their account.
 */
class SamplesTest {

    static final Path SAMPLES = Manifests.projectRoot().resolve("config/samples");

    /** Unknown fields fail: a sample that names a field the API does not have would be pruned by the API server. */
    static final ObjectMapper STRICT = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .disable(com.fasterxml.jackson.databind.SerializationFeature.FAIL_ON_EMPTY_BEANS);

    static final Map<String, JsonNode> recordings = new LinkedHashMap<>();
    static final Map<String, Secret> secrets = new HashMap<>();
    static final Map<String, JsonNode> schedules = new LinkedHashMap<>();

    @BeforeAll
    static void load() throws IOException {
        for (Path file : sampleFiles()) {
            for (JsonNode doc : Manifests.documents(file)) {
                String kind = doc.path("kind").asText();
                String name = doc.path("metadata").path("name").asText();
                assertThat(kind).as(file.getFileName().toString()).isIn("CloudRecording", "CloudRecordingSchedule", "Secret");
                if (kind.equals("CloudRecordingSchedule")) {
                    assertThat(schedules.put(name, doc)).as("duplicate CloudRecordingSchedule " + name).isNull();
                    recordings.put(name + "/template", doc.path("spec").path("template"));
                } else if (kind.equals("Secret")) {
                    assertThat(secrets.put(name, Serialization.unmarshal(doc.toString(), Secret.class))).as("duplicate Secret " + name).isNull();
                } else {
                    assertThat(recordings.put(name, doc)).as("duplicate CloudRecording " + name).isNull();
                }
            }
        }
    }

    static List<Path> sampleFiles() throws IOException {
        try (Stream<Path> files = Files.list(SAMPLES)) {
            return files.filter(f -> f.getFileName().toString().endsWith(".yaml"))
                    .filter(f -> !f.getFileName().toString().equals("kustomization.yaml"))
                    .sorted().collect(Collectors.toList());
        }
    }

    @Test
    void everySampleFileIsListedInTheSamplesKustomization() throws IOException {
        JsonNode kustomization = Manifests.documents(SAMPLES.resolve("kustomization.yaml")).get(0);
        List<String> listed = new ArrayList<>();
        kustomization.path("resources").forEach(r -> listed.add(r.asText()));
        assertThat(listed).containsExactlyInAnyOrderElementsOf(
                sampleFiles().stream().map(f -> f.getFileName().toString()).collect(Collectors.toList()));
    }

    @Test
    void everyCloudRecordingReadsIntoTheApiTypesWithoutUnknownOrLostFields() throws IOException {
        assertThat(recordings).containsOnlyKeys("mixed-to-vod", "single-to-cos", "custom-layout", "every-two-minutes/template");
        for (Map.Entry<String, JsonNode> sample : recordings.entrySet()) {
            if (schedules.containsKey(sample.getKey().replace("/template", ""))) {
                continue;
            }
            CloudRecording recording = STRICT.treeToValue(sample.getValue(), CloudRecording.class);
            assertThat(recording.getApiVersion()).isEqualTo("trtc.tencentcloud.com/v1alpha1");
            assertThat(recording.getMetadata().getName()).isEqualTo(sample.getKey());
            assertThat(recording.getSpec()).as(sample.getKey()).isNotNull();
            assertThat(normalized(STRICT.valueToTree(recording.getSpec())))
                    .as("%s: spec written back by the API types", sample.getKey())
                    .isEqualTo(normalized(sample.getValue().get("spec")));
        }
    }

    @Test
    void everyCloudRecordingSatisfiesTheCrdSchemaBeyondItsCelRules() {
        CrdSchema schema = CrdSchema.of(Manifests.projectRoot().resolve("crds/cloudrecordings.trtc.tencentcloud.com-v1.yml"), "v1alpha1");
        recordings.forEach((name, doc) -> assertThat(schema.violations(doc, "spec")).as(name).isEmpty());
    }

    @Test
    void everyScheduleReadsIntoTheApiTypesAndSatisfiesItsCrdSchema() throws Exception {
        CrdSchema schema = CrdSchema.of(Manifests.projectRoot().resolve("crds/cloudrecordingschedules.trtc.tencentcloud.com-v1.yml"), "v1alpha1");
        assertThat(schedules).containsOnlyKeys("every-two-minutes");
        for (Map.Entry<String, JsonNode> sample : schedules.entrySet()) {
            var schedule = STRICT.treeToValue(sample.getValue(), com.tencentcloud.trtc.operator.api.v1alpha1.CloudRecordingSchedule.class);
            assertThat(normalized(STRICT.valueToTree(schedule.getSpec()))).as(sample.getKey())
                    .isEqualTo(normalized(sample.getValue().get("spec")));
            assertThat(schema.violations(sample.getValue(), "spec")).as(sample.getKey()).isEmpty();
            assertThat(com.tencentcloud.trtc.operator.schedule.CronSlots.parse(schedule.getSpec().getSchedule(),
                    schedule.getSpec().getTimeZone()).next(java.time.Instant.now())).as("the sample fires").isPresent();
        }
    }

    @Test
    void theSchemaCheckCatchesWhatTheApiServerWouldRefuse() throws IOException {
        CrdSchema schema = CrdSchema.of(Manifests.projectRoot().resolve("crds/cloudrecordings.trtc.tencentcloud.com-v1.yml"), "v1alpha1");
        JsonNode bad = Manifests.YAML.readTree("""
                spec:
                  sdkAppId: 1400000001
                  roomId: "1"
                  recordParams: {recordMode: Mixed, maxIdleTime: 1}
                  storageParams: {cloudVod: {tencentVod: {}}}
                  mixLayoutParams: {mixLayoutMode: Grid, backGroundColor: black}
                  resourceExpiredHour: 1000
                  colour: blue
                """);
        assertThat(schema.violations(bad, "spec")).hasSize(5).anySatisfy(v -> assertThat(v).contains("recordMode"))
                .anySatisfy(v -> assertThat(v).contains("maxIdleTime"))
                .anySatisfy(v -> assertThat(v).contains("backGroundColor"))
                .anySatisfy(v -> assertThat(v).contains("resourceExpiredHour"))
                .anySatisfy(v -> assertThat(v).contains("unknown field colour"));
    }

    @Test
    void everySecretASampleReferencesIsInTheSamplesWithTheReferencedKey() {
        for (Map.Entry<String, JsonNode> sample : recordings.entrySet()) {
            Map<String, JsonNode> references = new LinkedHashMap<>();
            collectSecretRefs("spec", sample.getValue().get("spec"), references);
            assertThat(references).as(sample.getKey()).isNotEmpty();
            references.forEach((path, ref) -> {
                String name = ref.path("name").asText();
                assertThat(secrets).as("%s %s names a Secret of the samples", sample.getKey(), path).containsKey(name);
                if (path.endsWith("credentialsSecretRef")) {
                    assertThat(keys(secrets.get(name))).as(name).contains("secretId", "secretKey");
                } else {
                    assertThat(keys(secrets.get(name))).as("%s %s", sample.getKey(), path).contains(ref.path("key").asText());
                }
            });
        }
    }

    @Test
    void aRecordingWithoutItsOwnUserSigFindsTheSdkSecretKeyToMintOne() {
        recordings.forEach((name, doc) -> {
            JsonNode spec = doc.get("spec");
            if (spec.path("recorder").path("userSigSecretRef").isMissingNode()) {
                String secret = spec.path("credentialsSecretRef").path("name").asText();
                assertThat(keys(secrets.get(secret))).as(name).contains("sdkSecretKey");
            }
        });
    }

    @Test
    void secretValuesAreObviousPlaceholders() {
        secrets.values().forEach(secret -> {
            assertThat(secret.getData()).as("values as readable stringData").isNullOrEmpty();
            assertThat(secret.getStringData()).allSatisfy((key, value) -> assertThat(value).startsWith("REPLACE-WITH-"));
        });
    }

    @Test
    void theSamplesCoverVodMixingCosSingleStreamAndACustomLayoutWithEveryWatermarkType() {
        JsonNode vod = recordings.get("mixed-to-vod").get("spec");
        assertThat(vod.at("/recordParams/recordMode").asText()).isEqualTo("MixedStream");
        assertThat(vod.at("/storageParams").fieldNames()).toIterable().containsExactly("cloudVod");

        JsonNode cos = recordings.get("single-to-cos").get("spec");
        assertThat(cos.at("/recordParams/recordMode").asText()).isEqualTo("SingleStream");
        assertThat(cos.at("/storageParams").fieldNames()).toIterable().containsExactly("cloudStorage");
        assertThat(cos.at("/storageParams/cloudStorage").fieldNames()).toIterable()
                .contains("accessKeySecretRef", "secretKeySecretRef")
                .doesNotContain("accessKey", "secretKey");

        JsonNode layout = recordings.get("custom-layout").get("spec");
        assertThat(layout.at("/mixLayoutParams/mixLayoutMode").asText()).isEqualTo("Custom");
        List<String> types = new ArrayList<>();
        layout.at("/mixLayoutParams/waterMarkList").forEach(w -> types.add(w.path("waterMarkType").asText()));
        assertThat(types).containsExactlyInAnyOrder("Image", "Text", "Timestamp");
    }

    static final Path ACCOUNT_SAMPLES = SAMPLES.resolve("accounts");

    /** The account samples' documents by kind, then by namespace/name (name alone for cluster-scoped kinds). */
    private static Map<String, Map<String, JsonNode>> accountSamples() throws IOException {
        Map<String, Map<String, JsonNode>> byKind = new LinkedHashMap<>();
        for (Path file : sampleFiles(ACCOUNT_SAMPLES)) {
            for (JsonNode doc : Manifests.documents(file)) {
                String kind = doc.path("kind").asText();
                assertThat(kind).as(file.getFileName().toString()).isIn("Namespace", "Secret", "TrtcAccount", "CloudRecording");
                String namespace = doc.path("metadata").path("namespace").asText("");
                String key = (namespace.isEmpty() ? "" : namespace + "/") + doc.path("metadata").path("name").asText();
                assertThat(byKind.computeIfAbsent(kind, k -> new LinkedHashMap<>()).put(key, doc)).as("duplicate %s %s", kind, key).isNull();
            }
        }
        return byKind;
    }

    private static List<Path> sampleFiles(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> f.getFileName().toString().endsWith(".yaml"))
                    .filter(f -> !f.getFileName().toString().equals("kustomization.yaml"))
                    .sorted().collect(Collectors.toList());
        }
    }

    @Test
    void everyAccountSampleFileIsListedInItsKustomization() throws IOException {
        JsonNode kustomization = Manifests.documents(ACCOUNT_SAMPLES.resolve("kustomization.yaml")).get(0);
        List<String> listed = new ArrayList<>();
        kustomization.path("resources").forEach(r -> listed.add(r.asText()));
        assertThat(listed).containsExactlyInAnyOrderElementsOf(
                sampleFiles(ACCOUNT_SAMPLES).stream().map(f -> f.getFileName().toString()).collect(Collectors.toList()));
    }

    @Test
    void theTrtcAccountReadsIntoTheApiTypesSatisfiesItsCrdSchemaAndSetsEveryLimit() throws IOException {
        CrdSchema schema = CrdSchema.of(Manifests.projectRoot().resolve("crds/trtcaccounts.trtc.tencentcloud.com-v1.yml"), "v1alpha1");
        Map<String, JsonNode> accounts = accountSamples().get("TrtcAccount");
        assertThat(accounts).containsOnlyKeys("media");
        JsonNode doc = accounts.get("media");
        assertThat(doc.path("metadata").has("namespace")).as("TrtcAccount is cluster-scoped").isFalse();
        TrtcAccount account = STRICT.treeToValue(doc, TrtcAccount.class);
        assertThat(normalized(STRICT.valueToTree(account.getSpec()))).as("spec written back by the API types")
                .isEqualTo(normalized(doc.get("spec")));
        assertThat(schema.violations(doc, "spec")).isEmpty();
        assertThat(account.getSpec().getRateLimit()).isNotNull();
        assertThat(account.getSpec().getMaxConcurrentTasks()).isNotNull();
        assertThat(account.getSpec().getNamespaceSelector()).isNotNull();
        assertThat(account.getSpec().getCredentialsSecretRef().getNamespace()).isNotBlank();
    }

    @Test
    void theAccountsRecordingMayUseItsAccountWhoseSecretTheTeamNamespaceDoesNotHold() throws IOException {
        Map<String, Map<String, JsonNode>> samples = accountSamples();
        CrdSchema schema = CrdSchema.of(Manifests.projectRoot().resolve("crds/cloudrecordings.trtc.tencentcloud.com-v1.yml"), "v1alpha1");
        assertThat(samples.get("CloudRecording")).isNotEmpty();
        for (Map.Entry<String, JsonNode> sample : samples.get("CloudRecording").entrySet()) {
            JsonNode doc = sample.getValue();
            CloudRecording recording = STRICT.treeToValue(doc, CloudRecording.class);
            assertThat(normalized(STRICT.valueToTree(recording.getSpec()))).as(sample.getKey()).isEqualTo(normalized(doc.get("spec")));
            assertThat(schema.violations(doc, "spec")).as(sample.getKey()).isEmpty();
            assertThat(recording.getSpec().getCredentialsSecretRef()).as("at most one of accountRef and credentialsSecretRef").isNull();

            JsonNode accountDoc = samples.get("TrtcAccount").get(recording.getSpec().getAccountRef().getName());
            assertThat(accountDoc).as("%s names an account of the samples", sample.getKey()).isNotNull();
            TrtcAccount account = STRICT.treeToValue(accountDoc, TrtcAccount.class);
            String namespace = recording.getMetadata().getNamespace();
            JsonNode namespaceDoc = samples.get("Namespace").get(namespace);
            assertThat(namespaceDoc).as("the team namespace %s is in the samples", namespace).isNotNull();
            Map<String, String> labels = STRICT.convertValue(namespaceDoc.path("metadata").path("labels"),
                    STRICT.getTypeFactory().constructMapType(Map.class, String.class, String.class));
            assertThat(LabelSelection.matches(account.getSpec().getNamespaceSelector(), labels == null ? Map.of() : labels))
                    .as("the account allows namespace %s", namespace).isTrue();

            var ref = account.getSpec().getCredentialsSecretRef();
            assertThat(ref.getNamespace()).as("the keys live outside the team namespace").isNotEqualTo(namespace);
            assertThat(samples.get("Namespace")).as("the platform namespace is in the samples").containsKey(ref.getNamespace());
            JsonNode secretDoc = samples.get("Secret").get(ref.getNamespace() + "/" + ref.getName());
            assertThat(secretDoc).as("the account's Secret is in the samples").isNotNull();
            Secret secret = Serialization.unmarshal(secretDoc.toString(), Secret.class);
            assertThat(keys(secret)).as("keys to sign with and to mint the robot's UserSig").contains("secretId", "secretKey", "sdkSecretKey");
            assertThat(secret.getData()).as("values as readable stringData").isNullOrEmpty();
            assertThat(secret.getStringData()).allSatisfy((key, value) -> assertThat(value).startsWith("REPLACE-WITH-"));
        }
    }

    private static List<String> keys(Secret secret) {
        List<String> keys = new ArrayList<>();
        if (secret.getStringData() != null) {
            keys.addAll(secret.getStringData().keySet());
        }
        if (secret.getData() != null) {
            keys.addAll(secret.getData().keySet());
        }
        return keys;
    }

    private static void collectSecretRefs(String path, JsonNode node, Map<String, JsonNode> out) {
        if (node.isObject()) {
            node.fields().forEachRemaining(field -> {
                String child = path + "." + field.getKey();
                if (field.getKey().endsWith("SecretRef")) {
                    out.put(child, field.getValue());
                } else {
                    collectSecretRefs(child, field.getValue(), out);
                }
            });
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                collectSecretRefs(path + "[" + i + "]", node.get(i), out);
            }
        }
    }

    /** Same JSON text, re-read: numbers compare by value whatever Java type held them; nulls and empty lists dropped. */
    private static JsonNode normalized(JsonNode node) throws IOException {
        JsonNode copy = STRICT.readTree(STRICT.writeValueAsString(node));
        dropNullsAndEmptyLists(copy);
        return copy;
    }

    private static void dropNullsAndEmptyLists(JsonNode node) {
        if (node instanceof ObjectNode) {
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext();) {
                Map.Entry<String, JsonNode> field = it.next();
                if (field.getValue().isNull() || (field.getValue().isArray() && field.getValue().isEmpty())) {
                    it.remove();
                } else {
                    dropNullsAndEmptyLists(field.getValue());
                }
            }
        } else if (node.isArray()) {
            node.forEach(SamplesTest::dropNullsAndEmptyLists);
        }
    }
}
