package com.tencentcloud.trtc.operator.api.v1alpha1;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CloudRecordingYamlTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @ParameterizedTest
    @ValueSource(strings = {
            "/mapping/full-cos-cloudrecording.yaml",
            "/mapping/full-vod-cloudrecording.yaml",
            "/mapping/minimal-cloudrecording.yaml"})
    void fixtureRoundTripsWithoutLosingOrInventingAField(String fixture) throws Exception {
        CloudRecording recording = StrictYaml.cloudRecording(fixture);

        JsonNode written = JSON.readTree(StrictYaml.serialization().asJson(recording));

        assertThat(written).isEqualTo(StrictYaml.tree(fixture));
    }

    @Test
    void misspeltFieldInAFixtureFails() {
        String yaml = StrictYaml.text("/mapping/minimal-cloudrecording.yaml")
                .replace("recordMode: SingleStream", "recordMode: SingleStream\n    maxIdelTime: 30");

        assertThatThrownBy(() -> StrictYaml.serialization().unmarshal(yaml, CloudRecording.class))
                .hasStackTraceContaining("maxIdelTime");
    }

    @Test
    void misspeltFieldDeepInAListFails() {
        String yaml = StrictYaml.text("/mapping/full-cos-cloudrecording.yaml")
                .replace("waterMarkUrl:", "waterMarkURL:");

        assertThatThrownBy(() -> StrictYaml.serialization().unmarshal(yaml, CloudRecording.class))
                .hasStackTraceContaining("waterMarkURL");
    }

    @Test
    void sampleRateIsWrittenAsTheRateInHertz() {
        CloudRecording recording = StrictYaml.cloudRecording("/mapping/full-cos-cloudrecording.yaml");

        assertThat(recording.getSpec().getMixTranscodeParams().getAudioParams().getSampleRate())
                .isEqualTo(AudioSampleRate.Hz44100);
        assertThat(StrictYaml.serialization().asJson(AudioSampleRate.Hz48000)).isEqualTo("\"48000\"");
    }

    @Test
    void unknownEnumNameFails() {
        String yaml = StrictYaml.text("/mapping/minimal-cloudrecording.yaml")
                .replace("recordMode: SingleStream", "recordMode: Mixed");

        assertThatThrownBy(() -> StrictYaml.serialization().unmarshal(yaml, CloudRecording.class))
                .hasStackTraceContaining("Mixed");
    }
}
