package com.tencentcloud.trtc.operator.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.tencentcloud.trtc.operator.api.v1alpha1.CloudRecording;
import com.tencentcloud.trtc.operator.trtc.Credentials;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The manifests a sandbox applies, parsed and ordered: Secrets first, then anything else, then the
 * CloudRecordings and last the CloudRecordingSchedules, so that no recording briefly stalls on a Secret that is about
 * to arrive.
 *
 * <p>A folder with a {@code kustomization.yaml} contributes the files its {@code resources} list names (in that
 * order); any other folder contributes its {@code *.yaml} and {@code *.yml} files in name order. The built-in
 * samples are the project's {@code config/samples}, packaged into the jar.
 */
final class Manifests {

    static final String CRD_RESOURCE = "/sandbox/crds/cloudrecordings.trtc.tencentcloud.com-v1.yml";
    static final String SCHEDULE_CRD_RESOURCE = "/sandbox/crds/cloudrecordingschedules.trtc.tencentcloud.com-v1.yml";
    static final String SAMPLES_RESOURCE = "/sandbox/samples/";
    static final String KUSTOMIZATION = "kustomization.yaml";

    private static final YAMLMapper YAML = new YAMLMapper();
    private static final KubernetesSerialization SERIALIZATION = new KubernetesSerialization();

    private final List<HasMetadata> items;

    private Manifests(List<HasMetadata> items) {
        this.items = items.stream().sorted(Comparator.comparingInt(Manifests::rank)).toList();
    }

    private static int rank(HasMetadata item) {
        if ("CloudRecordingSchedule".equals(item.getKind())) {
            return 3;
        }
        return item instanceof Secret ? 0 : item instanceof CloudRecording ? 2 : 1;
    }

    /** The samples packaged into the jar. */
    static Manifests builtIn() {
        List<HasMetadata> items = new ArrayList<>();
        for (String file : kustomizationResources(read(SAMPLES_RESOURCE + KUSTOMIZATION), "the built-in samples")) {
            items.addAll(parse(read(SAMPLES_RESOURCE + file), file));
        }
        return new Manifests(items);
    }

    /**
     * The manifests in {@code dir}.
     *
     * @throws IllegalArgumentException with a one-line message naming the file that cannot be read or parsed
     */
    static Manifests fromDirectory(Path dir) {
        List<Path> files;
        Path kustomization = dir.resolve(KUSTOMIZATION);
        if (Files.isRegularFile(kustomization)) {
            files = kustomizationResources(readFile(kustomization), kustomization.toString()).stream()
                    .map(dir::resolve).toList();
        } else {
            try (Stream<Path> list = Files.list(dir)) {
                files = list.filter(p -> Files.isRegularFile(p))
                        .filter(p -> p.getFileName().toString().endsWith(".yaml") || p.getFileName().toString().endsWith(".yml"))
                        .sorted(Comparator.comparing(p -> p.getFileName().toString()))
                        .toList();
            } catch (IOException e) {
                throw new IllegalArgumentException("cannot list " + dir + ": " + e.getMessage());
            }
        }
        List<HasMetadata> items = new ArrayList<>();
        for (Path file : files) {
            if (!Files.isRegularFile(file)) {
                throw new IllegalArgumentException(file + " is not a file (the sandbox applies files, not kustomize bases)");
            }
            items.addAll(parse(readFile(file), file.toString()));
        }
        return new Manifests(items);
    }

    /** The CloudRecording CRD, as packaged into the jar. */
    static InputStream crd() {
        return crd(CRD_RESOURCE);
    }

    /** The CRD packaged into the jar as {@code resource}: {@link #CRD_RESOURCE} or {@link #SCHEDULE_CRD_RESOURCE}. */
    static InputStream crd(String resource) {
        InputStream in = Manifests.class.getResourceAsStream(resource);
        if (in == null) {
            throw new IllegalStateException("the jar carries no " + resource + "; rebuild it with mvn package");
        }
        return in;
    }

    /** Every object, Secrets first and CloudRecordingSchedules last, each group in file order. */
    List<HasMetadata> items() {
        return items;
    }

    List<CloudRecording> recordings() {
        return items.stream().filter(CloudRecording.class::isInstance).map(CloudRecording.class::cast).toList();
    }

    /** The API keys in the Secrets: every Secret with {@code secretId} and {@code secretKey} (and {@code token}). */
    List<Credentials> credentials() {
        Map<String, Credentials> byId = new LinkedHashMap<>();
        for (HasMetadata item : items) {
            if (item instanceof Secret secret) {
                Optional<String> id = value(secret, "secretId");
                Optional<String> key = value(secret, "secretKey");
                if (id.isPresent() && key.isPresent()) {
                    byId.put(id.get(), new Credentials(id.get(), key.get(), value(secret, "token").orElse(null)));
                }
            }
        }
        return List.copyOf(byId.values());
    }

    /** The {@code callbackKey} values of the Secrets, in order, each once. */
    List<String> callbackKeys() {
        return items.stream().filter(i -> i instanceof Secret).map(i -> value((Secret) i, "callbackKey"))
                .flatMap(Optional::stream).distinct().toList();
    }

    private static Optional<String> value(Secret secret, String key) {
        if (secret.getStringData() != null && secret.getStringData().get(key) != null) {
            return Optional.of(secret.getStringData().get(key));
        }
        if (secret.getData() != null && secret.getData().get(key) != null) {
            return Optional.of(new String(Base64.getDecoder().decode(secret.getData().get(key)), StandardCharsets.UTF_8));
        }
        return Optional.empty();
    }

    private static List<HasMetadata> parse(String yaml, String source) {
        List<HasMetadata> parsed = new ArrayList<>();
        try (MappingIterator<JsonNode> docs = YAML.readerFor(JsonNode.class).readValues(yaml)) {
            while (docs.hasNext()) {
                JsonNode doc = docs.next();
                if (doc == null || doc.isNull() || doc.isEmpty()) {
                    continue;
                }
                String kind = doc.path("kind").asText("");
                String apiVersion = doc.path("apiVersion").asText("");
                if (kind.isEmpty() || apiVersion.isEmpty() || doc.path("metadata").path("name").asText("").isEmpty()) {
                    throw new IllegalArgumentException(source + ": every document needs apiVersion, kind and metadata.name");
                }
                if (kind.equals("Secret") && apiVersion.equals("v1")) {
                    parsed.add(SERIALIZATION.convertValue(doc, Secret.class));
                } else if (kind.equals("CloudRecording") && apiVersion.equals(CloudRecording.GROUP + "/" + CloudRecording.VERSION)) {
                    parsed.add(SERIALIZATION.convertValue(doc, CloudRecording.class));
                } else {
                    parsed.add(SERIALIZATION.convertValue(doc, GenericKubernetesResource.class));
                }
            }
        } catch (IOException | RuntimeException e) {
            if (e instanceof IllegalArgumentException iae && iae.getMessage() != null && iae.getMessage().startsWith(source)) {
                throw iae;
            }
            throw new IllegalArgumentException(source + ": not valid Kubernetes YAML: " + firstLine(e.getMessage()));
        }
        return parsed;
    }

    private static List<String> kustomizationResources(String yaml, String source) {
        try {
            JsonNode resources = YAML.readTree(yaml).path("resources");
            List<String> files = new ArrayList<>();
            resources.forEach(r -> files.add(r.asText()));
            return files;
        } catch (IOException e) {
            throw new IllegalArgumentException(source + ": not valid YAML: " + firstLine(e.getMessage()));
        }
    }

    private static String read(String resource) {
        try (InputStream in = Manifests.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("the jar carries no " + resource + "; rebuild it with mvn package");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String readFile(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read " + file + ": " + e.getMessage());
        }
    }

    private static String firstLine(String message) {
        return message == null ? "" : message.lines().findFirst().orElse("");
    }
}
