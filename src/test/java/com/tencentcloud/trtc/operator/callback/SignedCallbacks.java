package com.tencentcloud.trtc.operator.callback;

import com.tencentcloud.trtc.operator.trtc.CallbackSignature;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/** Builds and posts TRTC recording callbacks the way TRTC sends them (trtc-api §6.9), for tests of every package. */
public final class SignedCallbacks {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private SignedCallbacks() {
    }

    /** A body of event {@code type} for {@code taskId} at {@code eventMs}, with {@code payload} (a JSON object). */
    public static String body(int type, String taskId, long eventMs, String payload) {
        return "{\"EventGroupId\":3,\"EventType\":" + type + ",\"CallbackTs\":" + (eventMs + 5)
                + ",\"EventInfo\":{\"RoomId\":\"3560\",\"EventTs\":" + eventMs / 1000 + ",\"EventMsTs\":" + eventMs
                + ",\"UserId\":\"rec-robot\",\"TaskId\":\"" + taskId + "\",\"Payload\":" + payload + "}}";
    }

    /** POSTs {@code body} to {@code /trtc/callback} signed with {@code key} (no Sign header when null). */
    public static HttpResponse<String> post(int port, String key, long sdkAppId, String body) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + CallbackServer.PATH))
                .timeout(Duration.ofSeconds(10)).header("Content-Type", "application/json")
                .header("SdkAppId", String.valueOf(sdkAppId))
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (key != null) {
            request.header("Sign", CallbackSignature.sign(key, body.getBytes(StandardCharsets.UTF_8)));
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
