package com.tencentcloud.trtc.operator.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.tencentcloud.trtc.operator.it.MonitoringTools;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The shipped alerting rules pass {@code promtool check rules}, and {@code promtool test rules} runs
 * {@code src/test/resources/monitoring/alerts_test.yaml} against them: every alert fires where it should and stays
 * silent where it should not.
 */
@ExtendWith(MonitoringTools.class)
class PrometheusRulesIT {

    @Test
    void theRulesPassPromtoolCheckRules() throws IOException {
        Path dir = rulesAndTests(MonitoringQueries.ruleGroupsYaml());
        MonitoringTools.Result check = MonitoringTools.promtool(dir, null, "check", "rules", "rules.yaml");
        assertThat(check.exitCode()).as(check.output()).isZero();
        assertThat(check.output()).contains("SUCCESS: " + MonitoringQueries.alerts().size() + " rules found");
    }

    @Test
    void everyAlertPassesItsPromtoolTests() throws IOException {
        Path dir = rulesAndTests(MonitoringQueries.ruleGroupsYaml());
        MonitoringTools.Result test = MonitoringTools.promtool(dir, null, "test", "rules", "alerts_test.yaml");
        assertThat(test.exitCode()).as(test.output()).isZero();
        assertThat(test.output()).contains("SUCCESS").doesNotContain("FAILED");
    }

    @Test
    void theTestsCatchAnAlertThatWaitsTooLittle() throws IOException {
        String hasty = MonitoringQueries.ruleGroupsYaml().replace("for: \"15m\"", "for: \"1m\"").replace("for: 15m", "for: 1m");
        assertThat(hasty).isNotEqualTo(MonitoringQueries.ruleGroupsYaml());
        Path dir = rulesAndTests(hasty);
        MonitoringTools.Result test = MonitoringTools.promtool(dir, null, "test", "rules", "alerts_test.yaml");
        assertThat(test.exitCode()).isNotZero();
        assertThat(test.output()).contains("FAILED", "CloudRecordingStalled");
    }

    private static Path rulesAndTests(String rules) throws IOException {
        Path dir = Files.createDirectories(Path.of("target", "promtool"));
        Path run = Files.createTempDirectory(dir, "rules");
        Files.writeString(run.resolve("rules.yaml"), rules);
        Files.copy(MonitoringQueries.RULE_TESTS, run.resolve("alerts_test.yaml"));
        return run;
    }
}
