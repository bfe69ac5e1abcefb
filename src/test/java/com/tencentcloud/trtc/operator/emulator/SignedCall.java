package com.tencentcloud.trtc.operator.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.tencentcloud.trtc.operator.trtc.Credentials;
import com.tencentcloud.trtc.operator.trtc.Tc3Signer;
import com.tencentcloud.trtc.operator.trtc.TrtcJson;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

/**
 * A hand-built TC3-signed call, so tests can get each part of a request wrong on purpose. Signs with
 * {@link Tc3Signer} over {@code content-type;host} like the vendor SDKs; every part can be overridden.
 */
final class SignedCall {

    static final String CONTENT_TYPE = "application/json; charset=utf-8";
    static final OkHttpClient HTTP = new OkHttpClient.Builder().readTimeout(10, TimeUnit.SECONDS)
            .retryOnConnectionFailure(false).build();

    /** The HTTP answer; {@code body} is null when it is not JSON. */
    record Answer(int status, JsonNode body, String text) {
        JsonNode response() {
            return body.path("Response");
        }

        String code() {
            return response().path("Error").path("Code").asText(null);
        }

        String message() {
            return response().path("Error").path("Message").asText(null);
        }

        String requestId() {
            return response().path("RequestId").asText(null);
        }
    }

    private final String baseUrl;
    private final Clock clock;
    private String action;
    private String body = "{}";
    private Credentials signingKey;
    private String region = "ap-guangzhou";
    private String version = "2019-07-22";
    private String host;
    private String service = "trtc";
    private Long timestamp;
    private String scopeDate;
    private final Map<String, String> extraHeaders = new LinkedHashMap<>();
    private String authorizationOverride;

    SignedCall(String baseUrl, Credentials key, Clock clock, String action) {
        this.baseUrl = baseUrl;
        this.signingKey = key;
        this.clock = clock;
        this.action = action;
        this.host = baseUrl.substring("http://".length());
    }

    SignedCall body(String json) {
        this.body = json;
        return this;
    }

    SignedCall body(Object model) {
        try {
            return body(TrtcJson.mapper().writeValueAsString(model));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    SignedCall key(Credentials key) {
        this.signingKey = key;
        return this;
    }

    SignedCall region(String region) {
        this.region = region;
        return this;
    }

    SignedCall version(String version) {
        this.version = version;
        return this;
    }

    SignedCall action(String action) {
        this.action = action;
        return this;
    }

    /** The host signed (default: the emulator's host:port, which OkHttp sends as {@code Host}). */
    SignedCall signedHost(String host) {
        this.host = host;
        return this;
    }

    SignedCall service(String service) {
        this.service = service;
        return this;
    }

    SignedCall timestamp(long timestamp) {
        this.timestamp = timestamp;
        return this;
    }

    SignedCall scopeDate(String date) {
        this.scopeDate = date;
        return this;
    }

    SignedCall header(String name, String value) {
        extraHeaders.put(name, value);
        return this;
    }

    SignedCall authorization(String authorization) {
        this.authorizationOverride = authorization;
        return this;
    }

    /** The Authorization header this call would send. */
    String authorization() {
        long ts = timestamp != null ? timestamp : clock.instant().getEpochSecond();
        Tc3Signer.Signature sig = Tc3Signer.sign(signingKey, Tc3Signer.Input.jsonPost(host, CONTENT_TYPE,
                body.getBytes(StandardCharsets.UTF_8), service, ts));
        String auth = sig.authorization();
        if (scopeDate != null) {
            auth = auth.replace(Tc3Signer.utcDate(ts) + "/", scopeDate + "/");
        }
        return auth;
    }

    Answer send() {
        long ts = timestamp != null ? timestamp : clock.instant().getEpochSecond();
        Request.Builder request = new Request.Builder().url(baseUrl + "/")
                .post(RequestBody.create(body.getBytes(StandardCharsets.UTF_8), MediaType.get(CONTENT_TYPE)))
                .header("Content-Type", CONTENT_TYPE)
                .header("X-TC-Timestamp", Long.toString(ts))
                .header("Authorization", authorizationOverride != null ? authorizationOverride : authorization());
        if (action != null) {
            request.header("X-TC-Action", action);
        }
        if (version != null) {
            request.header("X-TC-Version", version);
        }
        if (region != null) {
            request.header("X-TC-Region", region);
        }
        extraHeaders.forEach(request::header);
        try (Response response = HTTP.newCall(request.build()).execute()) {
            String text = response.body() == null ? "" : response.body().string();
            JsonNode json = null;
            try {
                json = TrtcJson.mapper().readTree(text);
            } catch (IOException notJson) {
                json = null;
            }
            return new Answer(response.code(), json, text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
