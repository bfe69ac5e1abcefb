package com.tencentcloud.trtc.operator.reconciler;

import com.tencentcloud.trtc.operator.api.v1alpha1.CloudRecording;
import com.tencentcloud.trtc.operator.api.v1alpha1.CloudRecordingStatus;
import com.tencentcloud.trtc.operator.mapping.Conditions;
import com.tencentcloud.trtc.operator.trtc.model.CreateCloudRecordingResponse;
import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;

/** Test fixtures shared by the reconciler tests: the sample resource, credentials, answers and conditions. */
final class Recordings {

    static final String NAME = "weekly-allhands";
    static final String SECRET_ID = "AKIDTESTSECRETID0000000000000001";
    static final String SECRET_KEY = "test-secret-key-must-never-leak-1";
    static final String SDK_SECRET_KEY = "sdk-secret-key-must-never-leak-22";
    static final String TOKEN = "session-token-must-never-leak-333";
    static final List<String> SECRET_VALUES = List.of(SECRET_KEY, SDK_SECRET_KEY, TOKEN, "minted-usersig");
    static final Map<String, String> CREDENTIALS = Map.of("secretId", SECRET_ID, "secretKey", SECRET_KEY,
            "sdkSecretKey", SDK_SECRET_KEY, "token", TOKEN);

    private Recordings() {
    }

    /** The sample resource {@code weekly-allhands} in namespace {@code media}, not yet applied. */
    static CloudRecording load() {
        try (InputStream in = Recordings.class.getResourceAsStream("/reconciler/recording.yaml")) {
            return Serialization.unmarshal(in, CloudRecording.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static CreateCloudRecordingResponse created(String taskId, String requestId) {
        return new CreateCloudRecordingResponse(taskId, requestId);
    }

    static Condition condition(CloudRecording r, String type) {
        return condition(r.getStatus(), type);
    }

    static Condition condition(CloudRecordingStatus s, String type) {
        return Conditions.find(s.getConditions(), type).orElseGet(Condition::new);
    }
}
