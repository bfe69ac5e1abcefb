package com.tencentcloud.trtc.operator.api.v1alpha1;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** Test fixtures read the way the API types are read, but failing on unknown properties so typos are caught. */
public final class StrictYaml {

    private static final KubernetesSerialization SERIALIZATION = new KubernetesSerialization(
            new ObjectMapper().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES), true);
    private static final ObjectMapper TREES = new ObjectMapper(new YAMLFactory());

    private StrictYaml() {
    }

    public static KubernetesSerialization serialization() {
        return SERIALIZATION;
    }

    /** A classpath fixture as a CloudRecording; an unknown or misspelt field fails. */
    public static CloudRecording cloudRecording(String resource) {
        return SERIALIZATION.unmarshal(text(resource), CloudRecording.class);
    }

    /** A classpath fixture (YAML or JSON) as a plain tree. */
    public static JsonNode tree(String resource) {
        try {
            return TREES.readTree(text(resource));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static String text(String resource) {
        try (InputStream in = StrictYaml.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalArgumentException("no test resource " + resource);
            }
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
