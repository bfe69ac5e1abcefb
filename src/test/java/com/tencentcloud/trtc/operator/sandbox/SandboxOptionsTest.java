package com.tencentcloud.trtc.operator.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import com.tencentcloud.trtc.operator.sandbox.SandboxOptions.ApiServerChoice;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SandboxOptionsTest {

    @Test
    void withoutOptionsTheSandboxRunsTheBuiltInSamplesUntilStopped() {
        SandboxOptions options = SandboxOptions.parse(new String[0]);

        assertThat(options.duration()).isEmpty();
        assertThat(options.samples()).isEmpty();
        assertThat(options.namespace()).isEqualTo("default");
        assertThat(options.apiServer()).isEqualTo(ApiServerChoice.AUTO);
        assertThat(options.pollInterval()).isEqualTo(Duration.ofSeconds(5));
        assertThat(options.hourLength()).isEqualTo(Duration.ofHours(1));
        assertThat(options.kubeconfig()).isEqualTo(Path.of("target", "sandbox", "kubeconfig"));
    }

    @Test
    void everyOptionIsRead(@TempDir Path dir) {
        SandboxOptions options = SandboxOptions.parse(new String[] {"--duration", "90s", "--samples", dir.toString(),
                "--namespace", "media", "--port", "18443", "--hour-length", "PT1M", "--poll-interval", "10s",
                "--real-api-server", "--kubeconfig", "kc.yaml", "--verbose", "--anchor-leaves-after", "20s",
                "--fail-recording-after", "45s"});

        assertThat(options).isEqualTo(new SandboxOptions(java.util.Optional.of(Duration.ofSeconds(90)),
                java.util.Optional.of(dir), "media", 18443, Duration.ofMinutes(1), Duration.ofSeconds(10),
                ApiServerChoice.REAL, Path.of("kc.yaml"), true, java.util.Optional.of(Duration.ofSeconds(20)),
                java.util.Optional.of(Duration.ofSeconds(45))));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "--colour                              | unknown option --colour",
            "--duration                            | --duration needs a value",
            "--duration --verbose                  | --duration needs a value",
            "--duration soon                       | --duration takes a duration such as 30s, 2m or PT30S, not 'soon'",
            "--duration 0s                         | --duration must be positive",
            "--poll-interval 1s                    | --poll-interval must be at least 5s, not '1s'",
            "--port 70000                          | --port takes a port number from 0 to 65535, not '70000'",
            "--namespace Media                     | --namespace Media is not a valid namespace name",
            "--samples /no/such/dir                | --samples /no/such/dir is not a directory",
            "--real-api-server --mock-api-server   | --real-api-server and --mock-api-server exclude each other",
    })
    void badOptionsAreRefusedWithOneLine(String args, String message) {
        assertThatIllegalArgumentException().isThrownBy(() -> SandboxOptions.parse(args.split(" ")))
                .withMessage(message);
    }

    @Test
    void theCommandAnswersBadOptionsWithOneLineAndTheUsageAndStatusTwo() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();

        int status = SandboxCommand.run(new String[] {"--duration", "soon"}, Map.of(),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));

        assertThat(status).isEqualTo(2);
        assertThat(out.toString(StandardCharsets.UTF_8)).isEmpty();
        assertThat(err.toString(StandardCharsets.UTF_8).lines()).containsExactly(
                "sandbox: --duration takes a duration such as 30s, 2m or PT30S, not 'soon'", SandboxOptions.USAGE);
    }
}
