package com.tencentcloud.trtc.operator.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.luaj.vm2.Globals;
import org.luaj.vm2.LoadState;
import org.luaj.vm2.LuaTable;
import org.luaj.vm2.LuaValue;
import org.luaj.vm2.compiler.LuaC;
import org.luaj.vm2.lib.PackageLib;
import org.luaj.vm2.lib.StringLib;
import org.luaj.vm2.lib.TableLib;
import org.luaj.vm2.lib.jse.JseBaseLib;
import org.luaj.vm2.lib.jse.JseMathLib;

/**
 * Runs the Argo CD health check for CloudRecording in Lua 5.1 (luaj) over status fixtures, as Argo CD runs it
 * (a global {@code obj}, a returned table with {@code status} and {@code message}), and keeps the copy in the
 * docs identical to the script.
 */
class HealthLuaTest {

    static final Path ROOT = Manifests.projectRoot();
    static final Path SCRIPT = ROOT.resolve("config/argocd/health.lua");
    static final Path FIXTURES = ROOT.resolve("src/test/resources/deploy/health");
    static final String ARGOCD_CM_KEY = "resource.customizations.health.trtc.tencentcloud.com_CloudRecording";
    static final Path SCHEDULE_SCRIPT = ROOT.resolve("config/argocd/schedule-health.lua");
    static final Path SCHEDULE_FIXTURES = ROOT.resolve("src/test/resources/deploy/health-schedule");
    static final String SCHEDULE_ARGOCD_CM_KEY = "resource.customizations.health.trtc.tencentcloud.com_CloudRecordingSchedule";

    record Case(String inputPath, String status, String message) {
        @Override
        public String toString() {
            return inputPath + " -> " + status;
        }
    }

    static List<Case> cases() {
        return cases(FIXTURES);
    }

    static List<Case> scheduleCases() {
        return cases(SCHEDULE_FIXTURES);
    }

    static List<Case> cases(Path fixtures) {
        List<Case> cases = new ArrayList<>();
        for (JsonNode test : Manifests.documents(fixtures.resolve("health_test.yaml")).get(0).path("tests")) {
            cases.add(new Case(test.path("inputPath").asText(),
                    test.path("healthStatus").path("status").asText(),
                    test.path("healthStatus").path("message").asText()));
        }
        return cases;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void eachFixtureGetsItsExpectedHealthAndMessage(Case expected) throws IOException {
        JsonNode object = Manifests.documents(FIXTURES.resolve(expected.inputPath())).get(0);
        LuaValue health = run(Files.readString(SCRIPT), object);
        assertThat(health.get("status").tojstring()).isEqualTo(expected.status());
        assertThat(health.get("message").tojstring()).isEqualTo(expected.message());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scheduleCases")
    void eachScheduleFixtureGetsItsExpectedHealthAndMessage(Case expected) throws IOException {
        JsonNode object = Manifests.documents(SCHEDULE_FIXTURES.resolve(expected.inputPath())).get(0);
        LuaValue health = run(Files.readString(SCHEDULE_SCRIPT), object);
        assertThat(health.get("status").tojstring()).isEqualTo(expected.status());
        assertThat(health.get("message").tojstring()).isEqualTo(expected.message());
    }

    @Test
    void everyScheduleFixtureHasAnExpectationAndTheChecksCoverSuspendedDegradedProgressingHealthy() throws IOException {
        List<String> fixtures;
        try (Stream<Path> files = Files.list(SCHEDULE_FIXTURES)) {
            fixtures = files.map(f -> f.getFileName().toString())
                    .filter(f -> !f.equals("health_test.yaml")).sorted().collect(Collectors.toList());
        }
        assertThat(scheduleCases()).extracting(Case::inputPath).containsExactlyInAnyOrderElementsOf(fixtures);
        assertThat(scheduleCases()).extracting(Case::status)
                .containsOnly("Healthy", "Progressing", "Degraded", "Suspended")
                .contains("Healthy", "Progressing", "Degraded", "Suspended");
    }

    @Test
    void everyFixtureHasAnExpectationAndEveryStatusIsOneArgoKnows() throws IOException {
        List<String> fixtures;
        try (Stream<Path> files = Files.list(FIXTURES)) {
            fixtures = files.map(f -> f.getFileName().toString())
                    .filter(f -> !f.equals("health_test.yaml")).sorted().collect(Collectors.toList());
        }
        assertThat(cases()).extracting(Case::inputPath).containsExactlyInAnyOrderElementsOf(fixtures);
        assertThat(cases()).extracting(Case::status)
                .allMatch(s -> List.of("Healthy", "Progressing", "Degraded", "Suspended", "Unknown").contains(s))
                .contains("Healthy", "Progressing", "Degraded", "Suspended");
    }

    @Test
    void theArgocdCmSnippetInTheDocsIsTheScriptVerbatim() throws IOException {
        String docs = Files.readString(ROOT.resolve("docs/gitops.md"));
        Matcher block = Pattern.compile("```yaml\\n(.*?)```", Pattern.DOTALL).matcher(docs);
        List<String> snippets = new ArrayList<>();
        while (block.find()) {
            if (block.group(1).contains(ARGOCD_CM_KEY)) {
                snippets.add(block.group(1));
            }
        }
        assertThat(snippets).as("one yaml block in docs/gitops.md with " + ARGOCD_CM_KEY).hasSize(1);
        JsonNode configMap = Manifests.documents(snippets.get(0)).get(0);
        assertThat(configMap.path("kind").asText()).isEqualTo("ConfigMap");
        assertThat(configMap.path("metadata").path("name").asText()).isEqualTo("argocd-cm");
        assertThat(configMap.path("data").path(ARGOCD_CM_KEY).asText())
                .as("docs/gitops.md carries config/argocd/health.lua verbatim; paste it again")
                .isEqualTo(Files.readString(SCRIPT));
        assertThat(configMap.path("data").path(SCHEDULE_ARGOCD_CM_KEY).asText())
                .as("docs/gitops.md carries config/argocd/schedule-health.lua verbatim; paste it again")
                .isEqualTo(Files.readString(SCHEDULE_SCRIPT));
    }

    @Test
    void theKustomizeComponentMergesTheScriptIntoAnExistingArgocdCm() throws Exception {
        String rendered = KustomizeRenderTest.kubectl("kustomize", "src/test/resources/deploy/argocd-install");
        List<JsonNode> docs = Manifests.documents(rendered);
        assertThat(docs).singleElement().satisfies(configMap -> {
            assertThat(configMap.at("/metadata/name").asText()).isEqualTo("argocd-cm");
            assertThat(configMap.at("/metadata/namespace").asText()).isEqualTo("argocd");
            assertThat(configMap.at("/metadata/labels/app.kubernetes.io~1part-of").asText()).isEqualTo("argocd");
            assertThat(configMap.at("/data/url").asText()).as("existing settings kept").isEqualTo("https://argocd.example.com");
            assertThat(configMap.path("data").path(ARGOCD_CM_KEY).asText()).isEqualTo(Files.readString(SCRIPT));
            assertThat(configMap.path("data").path(SCHEDULE_ARGOCD_CM_KEY).asText()).isEqualTo(Files.readString(SCHEDULE_SCRIPT));
        });
    }

    /** Argo CD evaluates health scripts without io, os or require; so does this test. */
    static LuaValue run(String script, JsonNode object) {
        Globals globals = new Globals();
        globals.load(new JseBaseLib());
        globals.load(new PackageLib());
        globals.load(new TableLib());
        globals.load(new StringLib());
        globals.load(new JseMathLib());
        LoadState.install(globals);
        LuaC.install(globals);
        globals.set("require", LuaValue.NIL);
        globals.set("dofile", LuaValue.NIL);
        globals.set("loadfile", LuaValue.NIL);
        globals.set("obj", toLua(object));
        LuaValue result = globals.load(script, "health.lua").call();
        assertThat(result.istable()).as("health.lua returns a table").isTrue();
        return result;
    }

    static LuaValue toLua(JsonNode node) {
        if (node.isObject()) {
            LuaTable table = new LuaTable();
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext();) {
                Map.Entry<String, JsonNode> field = it.next();
                if (!field.getValue().isNull()) {
                    table.set(field.getKey(), toLua(field.getValue()));
                }
            }
            return table;
        }
        if (node.isArray()) {
            LuaTable table = new LuaTable();
            for (int i = 0; i < node.size(); i++) {
                table.set(i + 1, toLua(node.get(i)));
            }
            return table;
        }
        if (node.isBoolean()) {
            return LuaValue.valueOf(node.booleanValue());
        }
        if (node.isInt()) {
            return LuaValue.valueOf(node.intValue());
        }
        if (node.isNumber()) {
            return LuaValue.valueOf(node.doubleValue());
        }
        return LuaValue.valueOf(node.asText());
    }
}
