package com.tencentcloud.trtc.operator.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Checks a manifest against a CRD's structural schema offline: types, required fields, unknown fields, enums,
 * patterns, lengths, ranges and list sizes. CEL rules ({@code x-kubernetes-validations}) need a real API server
 * and are not evaluated here.
 */
final class CrdSchema {

    private final JsonNode schema;

    private CrdSchema(JsonNode schema) {
        this.schema = schema;
    }

    static CrdSchema of(Path crdFile, String version) {
        JsonNode crd = Manifests.documents(crdFile).get(0);
        for (JsonNode v : crd.at("/spec/versions")) {
            if (version.equals(v.path("name").asText())) {
                return new CrdSchema(v.at("/schema/openAPIV3Schema"));
            }
        }
        throw new IllegalArgumentException("no version " + version + " in " + crdFile);
    }

    /** Violations of the schema below {@code field} (e.g. "spec"), each as "path: problem"; empty when valid. */
    List<String> violations(JsonNode object, String field) {
        List<String> out = new ArrayList<>();
        check(schema.path("properties").path(field), object.path(field), field, out);
        return out;
    }

    private static void check(JsonNode schema, JsonNode value, String path, List<String> out) {
        String type = schema.path("type").asText();
        switch (type) {
            case "object" -> {
                if (!value.isObject()) {
                    out.add(path + ": expected an object");
                    return;
                }
                for (JsonNode required : schema.path("required")) {
                    if (!value.has(required.asText())) {
                        out.add(path + ": missing required " + required.asText());
                    }
                }
                for (Iterator<Map.Entry<String, JsonNode>> it = value.fields(); it.hasNext();) {
                    Map.Entry<String, JsonNode> field = it.next();
                    JsonNode child = schema.path("properties").get(field.getKey());
                    if (child != null) {
                        check(child, field.getValue(), path + "." + field.getKey(), out);
                    } else if (schema.has("additionalProperties")) {
                        check(schema.get("additionalProperties"), field.getValue(), path + "." + field.getKey(), out);
                    } else if (!schema.path("x-kubernetes-preserve-unknown-fields").asBoolean(false)) {
                        out.add(path + ": unknown field " + field.getKey() + " (the API server would drop it)");
                    }
                }
            }
            case "array" -> {
                if (!value.isArray()) {
                    out.add(path + ": expected a list");
                    return;
                }
                if (schema.has("maxItems") && value.size() > schema.get("maxItems").asInt()) {
                    out.add(path + ": more than " + schema.get("maxItems").asInt() + " items");
                }
                if (schema.has("minItems") && value.size() < schema.get("minItems").asInt()) {
                    out.add(path + ": fewer than " + schema.get("minItems").asInt() + " items");
                }
                for (int i = 0; i < value.size(); i++) {
                    check(schema.path("items"), value.get(i), path + "[" + i + "]", out);
                }
            }
            case "string" -> {
                if (!value.isTextual()) {
                    out.add(path + ": expected a string, got " + value);
                    return;
                }
                String text = value.asText();
                if (schema.has("maxLength") && text.length() > schema.get("maxLength").asInt()) {
                    out.add(path + ": longer than " + schema.get("maxLength").asInt());
                }
                if (schema.has("minLength") && text.length() < schema.get("minLength").asInt()) {
                    out.add(path + ": shorter than " + schema.get("minLength").asInt());
                }
                if (schema.has("pattern") && !Pattern.compile(schema.get("pattern").asText()).matcher(text).find()) {
                    out.add(path + ": '" + text + "' does not match " + schema.get("pattern").asText());
                }
                checkEnum(schema, value, path, out);
            }
            case "integer", "number" -> {
                if (!value.isNumber() || (type.equals("integer") && !value.isIntegralNumber())) {
                    out.add(path + ": expected " + type + ", got " + value);
                    return;
                }
                if (schema.has("minimum") && value.asDouble() < schema.get("minimum").asDouble()) {
                    out.add(path + ": below the minimum " + schema.get("minimum"));
                }
                if (schema.has("maximum") && value.asDouble() > schema.get("maximum").asDouble()) {
                    out.add(path + ": above the maximum " + schema.get("maximum"));
                }
                checkEnum(schema, value, path, out);
            }
            case "boolean" -> {
                if (!value.isBoolean()) {
                    out.add(path + ": expected true or false, got " + value);
                }
            }
            default -> {
                if (!schema.path("x-kubernetes-int-or-string").asBoolean(false)
                        && !schema.path("x-kubernetes-preserve-unknown-fields").asBoolean(false)) {
                    out.add(path + ": schema without a type");
                }
            }
        }
    }

    private static void checkEnum(JsonNode schema, JsonNode value, String path, List<String> out) {
        if (!schema.has("enum")) {
            return;
        }
        for (JsonNode allowed : schema.get("enum")) {
            if (allowed.equals(value) || allowed.asText().equals(value.asText())) {
                return;
            }
        }
        out.add(path + ": " + value + " is not one of " + schema.get("enum"));
    }
}
