package com.tencentcloud.trtc.operator.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/** Reads rendered manifests (multi-document YAML) into Fabric8 model objects, and finds them by kind and name. */
final class Manifests {

    static final ObjectMapper YAML = new YAMLMapper();

    private final List<HasMetadata> objects;

    private Manifests(List<HasMetadata> objects) {
        this.objects = objects;
    }

    static Path projectRoot() {
        Path root = Paths.get("").toAbsolutePath();
        if (!Files.exists(root.resolve("pom.xml"))) {
            throw new IllegalStateException("tests must run from the project directory, not " + root);
        }
        return root;
    }

    static List<JsonNode> documents(String yaml) {
        try (MappingIterator<JsonNode> it = YAML.readerFor(JsonNode.class).readValues(yaml)) {
            List<JsonNode> docs = new ArrayList<>();
            while (it.hasNext()) {
                JsonNode doc = it.next();
                if (doc != null && !doc.isNull() && !doc.isMissingNode() && !doc.isEmpty()) {
                    docs.add(doc);
                }
            }
            return docs;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<JsonNode> documents(Path file) {
        try {
            return documents(Files.readString(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Manifests parse(String yaml) {
        List<HasMetadata> objects = new ArrayList<>();
        for (JsonNode doc : documents(yaml)) {
            objects.add((HasMetadata) Serialization.unmarshal(doc.toString()));
        }
        return new Manifests(objects);
    }

    List<HasMetadata> all() {
        return objects;
    }

    List<String> kindsAndNames() {
        return objects.stream().map(o -> o.getKind() + "/" + o.getMetadata().getName()).sorted().collect(Collectors.toList());
    }

    <T extends HasMetadata> List<T> ofType(Class<T> type) {
        return objects.stream().filter(type::isInstance).map(type::cast).collect(Collectors.toList());
    }

    <T extends HasMetadata> T get(Class<T> type, String name) {
        return find(type, name).orElseThrow(() -> new AssertionError(
                "no " + type.getSimpleName() + " named " + name + " among " + kindsAndNames()));
    }

    <T extends HasMetadata> Optional<T> find(Class<T> type, String name) {
        return ofType(type).stream().filter(o -> name.equals(o.getMetadata().getName())).findFirst();
    }

    HasMetadata get(String kind, String name) {
        return objects.stream()
                .filter(o -> kind.equals(o.getKind()) && name.equals(o.getMetadata().getName()))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no " + kind + " named " + name + " among " + kindsAndNames()));
    }
}
