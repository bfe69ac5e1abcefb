package com.tencentcloud.trtc.operator.mapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import com.fasterxml.jackson.databind.JsonNode;
import com.tencentcloud.trtc.operator.api.v1alpha1.ApiCoded;
import com.tencentcloud.trtc.operator.api.v1alpha1.AudioChannel;
import com.tencentcloud.trtc.operator.api.v1alpha1.AudioSampleRate;
import com.tencentcloud.trtc.operator.api.v1alpha1.CloudRecordingSpec;
import com.tencentcloud.trtc.operator.api.v1alpha1.FillType;
import com.tencentcloud.trtc.operator.api.v1alpha1.LayoutMediaId;
import com.tencentcloud.trtc.operator.api.v1alpha1.MaxResolutionUserAlign;
import com.tencentcloud.trtc.operator.api.v1alpha1.MixLayoutMode;
import com.tencentcloud.trtc.operator.api.v1alpha1.OutputFormat;
import com.tencentcloud.trtc.operator.api.v1alpha1.RecordMediaId;
import com.tencentcloud.trtc.operator.api.v1alpha1.RecordMode;
import com.tencentcloud.trtc.operator.api.v1alpha1.RenderMode;
import com.tencentcloud.trtc.operator.api.v1alpha1.RoomIdType;
import com.tencentcloud.trtc.operator.api.v1alpha1.StorageVendor;
import com.tencentcloud.trtc.operator.api.v1alpha1.StreamType;
import com.tencentcloud.trtc.operator.api.v1alpha1.StrictYaml;
import com.tencentcloud.trtc.operator.api.v1alpha1.VodMediaType;
import com.tencentcloud.trtc.operator.api.v1alpha1.WaterMarkPosition;
import com.tencentcloud.trtc.operator.api.v1alpha1.WaterMarkType;
import com.tencentcloud.trtc.operator.trtc.TrtcJson;
import com.tencentcloud.trtc.operator.trtc.model.ModifyCloudRecordingRequest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

class CreateRequestMapperTest {

    private static final RecordingSecrets SECRETS =
            new RecordingSecrets("test-user-sig", "test-private-map-key", "test-access-key", "test-secret-key");
    private static final RecordingSecrets VOD_SECRETS =
            new RecordingSecrets("test-user-sig", "test-private-map-key", null, null);

    @ParameterizedTest
    @CsvSource({
            "full-cos, recorder_3560",
            "full-vod, rec-room-a",
            "minimal, recorder-minimal"})
    void everySpecFieldLandsInItsWireFieldWithItsCode(String fixture, String recorderUserId) {
        CloudRecordingSpec spec = spec(fixture);
        RecordingSecrets secrets = spec.getStorageParams().getCloudStorage() != null
                ? SECRETS
                : (fixture.equals("minimal") ? new RecordingSecrets("test-user-sig", null, null, null) : VOD_SECRETS);

        var request = CreateRequestMapper.toCreateRequest(spec, recorderUserId, secrets);

        assertThat(json(request)).isEqualTo(StrictYaml.tree("/mapping/" + fixture + "-create-request.json"));
    }

    @Test
    void minimalSpecSendsTheResolvedDefaultsAndInventsNothingElse() {
        var request = CreateRequestMapper.toCreateRequest(
                spec("minimal"), "recorder-minimal", new RecordingSecrets("sig", null, null, null));

        JsonNode body = json(request);
        assertThat(body.get("RoomIdType").asLong()).isEqualTo(1L);
        assertThat(body.get("ResourceExpiredHour").asLong()).isEqualTo(72L);
        assertThat(fieldNames(body)).containsExactlyInAnyOrder(
                "SdkAppId", "RoomId", "RoomIdType", "UserId", "UserSig", "RecordParams", "StorageParams",
                "ResourceExpiredHour");
        assertThat(fieldNames(body.get("RecordParams"))).containsExactly("RecordMode");
        assertThat(fieldNames(body.get("StorageParams").get("CloudVod"))).isEmpty();
    }

    @Test
    void effectiveDefaultsAreTheApiDefaults() {
        CloudRecordingSpec minimal = spec("minimal");

        assertThat(EffectiveSpec.DEFAULT_RESOURCE_EXPIRED_HOUR).isEqualTo(72);
        assertThat(EffectiveSpec.effectiveResourceExpiredHour(minimal)).isEqualTo(72);
        assertThat(EffectiveSpec.effectiveRoomIdType(minimal)).isEqualTo(RoomIdType.Integer);
        assertThat(EffectiveSpec.effectiveResourceExpiredHour(spec("full-cos"))).isEqualTo(24);
        assertThat(EffectiveSpec.effectiveRoomIdType(spec("full-vod"))).isEqualTo(RoomIdType.String);
    }

    @Test
    void storageKeysComeOnlyFromTheResolvedSecrets() {
        assertThatThrownBy(() -> CreateRequestMapper.toCreateRequest(spec("full-cos"), "recorder_3560", VOD_SECRETS))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("accessKeySecretRef");
    }

    @Test
    void missingUserSigIsRefusedWithoutEchoingSecrets() {
        assertThatThrownBy(() -> CreateRequestMapper.toCreateRequest(
                spec("minimal"), "recorder-minimal", new RecordingSecrets(null, "pmk-value", null, null)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("UserSig")
                .hasMessageNotContaining("pmk-value");
    }

    @Test
    void modifySendsTheWholeLayoutAndTheWholeSubscriptionLists() {
        ModifyCloudRecordingRequest request = CreateRequestMapper.toModifyRequest(spec("full-cos"), "task-1");

        JsonNode body = json(request);
        JsonNode create = StrictYaml.tree("/mapping/full-cos-create-request.json");
        assertThat(fieldNames(body)).containsExactlyInAnyOrder(
                "SdkAppId", "TaskId", "MixLayoutParams", "SubscribeStreamUserIds");
        assertThat(body.get("SdkAppId").asLong()).isEqualTo(1400188366L);
        assertThat(body.get("TaskId").asText()).isEqualTo("task-1");
        assertThat(body.get("MixLayoutParams")).isEqualTo(create.get("MixLayoutParams"));
        assertThat(body.get("SubscribeStreamUserIds"))
                .isEqualTo(create.get("RecordParams").get("SubscribeStreamUserIds"));
    }

    @Test
    void modifyWithoutSubscriptionListsRestoresRecordingEveryUser() {
        ModifyCloudRecordingRequest request = CreateRequestMapper.toModifyRequest(spec("minimal"), "task-2");

        JsonNode body = json(request);
        assertThat(fieldNames(body)).containsExactlyInAnyOrder("SdkAppId", "TaskId", "SubscribeStreamUserIds");
        assertThat(fieldNames(body.get("SubscribeStreamUserIds"))).isEmpty();
    }

    static Stream<Arguments> everyEnumNameWithItsApiCode() {
        return Stream.of(
                arguments(RoomIdType.class, "String", 0),
                arguments(RoomIdType.class, "Integer", 1),
                arguments(RecordMode.class, "SingleStream", 1),
                arguments(RecordMode.class, "MixedStream", 2),
                arguments(StreamType.class, "AudioVideo", 0),
                arguments(StreamType.class, "AudioOnly", 1),
                arguments(StreamType.class, "VideoOnly", 2),
                arguments(OutputFormat.class, "HLS", 0),
                arguments(OutputFormat.class, "HLSAndMP4", 1),
                arguments(OutputFormat.class, "HLSAndAAC", 2),
                arguments(OutputFormat.class, "MP4", 3),
                arguments(OutputFormat.class, "AAC", 4),
                arguments(VodMediaType.class, "MP4", 0),
                arguments(VodMediaType.class, "HLS", 1),
                arguments(VodMediaType.class, "AAC", 2),
                arguments(VodMediaType.class, "HLSAndMP4", 3),
                arguments(VodMediaType.class, "HLSAndAAC", 4),
                arguments(RecordMediaId.class, "MainAndAux", 0),
                arguments(RecordMediaId.class, "Main", 1),
                arguments(RecordMediaId.class, "Aux", 2),
                arguments(FillType.class, "LastFrame", 0),
                arguments(FillType.class, "Black", 1),
                arguments(StorageVendor.class, "TencentCOS", 0),
                arguments(StorageVendor.class, "AWSS3", 1),
                arguments(AudioSampleRate.class, "48000", 1),
                arguments(AudioSampleRate.class, "44100", 2),
                arguments(AudioSampleRate.class, "16000", 3),
                arguments(AudioChannel.class, "Mono", 1),
                arguments(AudioChannel.class, "Stereo", 2),
                arguments(MixLayoutMode.class, "Floating", 1),
                arguments(MixLayoutMode.class, "ScreenSharing", 2),
                arguments(MixLayoutMode.class, "Grid", 3),
                arguments(MixLayoutMode.class, "Custom", 4),
                arguments(LayoutMediaId.class, "Main", 0),
                arguments(LayoutMediaId.class, "Aux", 1),
                arguments(RenderMode.class, "Stretch", 0),
                arguments(RenderMode.class, "Crop", 1),
                arguments(RenderMode.class, "Letterbox", 2),
                arguments(RenderMode.class, "SmartStretch", 3),
                arguments(MaxResolutionUserAlign.class, "Left", 0),
                arguments(MaxResolutionUserAlign.class, "Right", 1),
                arguments(WaterMarkType.class, "Image", 0),
                arguments(WaterMarkType.class, "Text", 1),
                arguments(WaterMarkType.class, "Timestamp", 2),
                arguments(WaterMarkPosition.class, "TopLeft", 0),
                arguments(WaterMarkPosition.class, "TopRight", 1),
                arguments(WaterMarkPosition.class, "BottomLeft", 2),
                arguments(WaterMarkPosition.class, "BottomRight", 3),
                arguments(WaterMarkPosition.class, "TopCenter", 4),
                arguments(WaterMarkPosition.class, "BottomCenter", 5),
                arguments(WaterMarkPosition.class, "Center", 6));
    }

    @ParameterizedTest(name = "{0} {1} -> {2}")
    @MethodSource("everyEnumNameWithItsApiCode")
    void enumNameAsWrittenInYamlMapsToItsApiCode(Class<? extends ApiCoded> type, String name, int code) {
        ApiCoded value = StrictYaml.serialization().convertValue(name, type);

        assertThat(value.code()).isEqualTo(code);
        assertThat(StrictYaml.serialization().asJson(value)).isEqualTo("\"" + name + "\"");
    }

    @Test
    void theTableCoversEveryConstantOfEveryCodedEnum() throws IOException {
        Set<String> inTable = everyEnumNameWithItsApiCode()
                .map(a -> ((Class<?>) a.get()[0]).getSimpleName() + "." + a.get()[1])
                .collect(Collectors.toSet());
        Set<String> declared = new HashSet<>();
        for (Class<?> type : codedEnumsInTheApiPackage()) {
            for (Object constant : type.getEnumConstants()) {
                String yamlName = StrictYaml.serialization().asJson(constant).replace("\"", "");
                declared.add(type.getSimpleName() + "." + yamlName);
            }
        }

        assertThat(inTable).isEqualTo(declared);
    }

    private static List<Class<?>> codedEnumsInTheApiPackage() throws IOException {
        Path sources = Path.of("src/main/java/com/tencentcloud/trtc/operator/api/v1alpha1");
        try (Stream<Path> files = Files.list(sources)) {
            return files.filter(f -> read(f).contains("enum ") && read(f).contains("implements ApiCoded"))
                    .map(f -> f.getFileName().toString().replace(".java", ""))
                    .map(CreateRequestMapperTest::apiClass)
                    .collect(Collectors.toList());
        }
    }

    private static Class<?> apiClass(String simpleName) {
        try {
            return Class.forName("com.tencentcloud.trtc.operator.api.v1alpha1." + simpleName);
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static CloudRecordingSpec spec(String fixture) {
        return StrictYaml.cloudRecording("/mapping/" + fixture + "-cloudrecording.yaml").getSpec();
    }

    /** The request as the bytes sent on the wire, read back as a tree (so numbers compare by value). */
    private static JsonNode json(Object request) {
        try {
            return TrtcJson.mapper().readTree(TrtcJson.mapper().writeValueAsString(request));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new java.util.ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
