package com.tencentcloud.trtc.operator.mapping;

import io.fabric8.kubernetes.api.model.Secret;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;

/** The values of a Secret as the operator reads them, whether it came from the API server or from a test. */
public final class SecretData {

    private SecretData() {
    }

    /**
     * The value of {@code key}: from {@code data} (base64, decoded as UTF-8) or else {@code stringData}, with surrounding
     * white space removed; empty when the key is absent or its value blank.
     */
    public static Optional<String> value(Secret secret, String key) {
        if (secret.getData() != null && secret.getData().get(key) != null) {
            return Optional.of(new String(Base64.getMimeDecoder().decode(secret.getData().get(key)), StandardCharsets.UTF_8).strip())
                    .filter(v -> !v.isEmpty());
        }
        if (secret.getStringData() != null && secret.getStringData().get(key) != null) {
            return Optional.of(secret.getStringData().get(key).strip()).filter(v -> !v.isEmpty());
        }
        return Optional.empty();
    }
}
