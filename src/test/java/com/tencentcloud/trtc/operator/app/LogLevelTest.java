package com.tencentcloud.trtc.operator.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Level;
import com.tencentcloud.trtc.operator.reconciler.OperatorConfig;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

class LogLevelTest {

    @AfterEach
    void restore() {
        LogLevel.apply(Level.INFO);
    }

    @Test
    void unsetMeansInfoAndAnyCaseIsAccepted() {
        assertThat(LogLevel.parse(Map.of())).isEqualTo(Level.INFO);
        assertThat(LogLevel.parse(Map.of("LOG_LEVEL", " debug "))).isEqualTo(Level.DEBUG);
        assertThat(LogLevel.parse(Map.of("LOG_LEVEL", "Warn"))).isEqualTo(Level.WARN);
    }

    @Test
    void anUnknownLevelStopsStartUpNamingTheVariable() {
        assertThatThrownBy(() -> LogLevel.parse(Map.of("LOG_LEVEL", "verbose")))
                .isInstanceOf(OperatorConfig.InvalidConfigException.class)
                .hasMessage("LOG_LEVEL: must be one of ERROR, WARN, INFO, DEBUG, TRACE, got 'verbose'");
    }

    @Test
    void applyingChangesTheOperatorsLoggersOnly() {
        LogLevel.apply(Level.DEBUG);
        assertThat(LoggerFactory.getLogger("com.tencentcloud.trtc.operator.reconciler.Failures").isDebugEnabled()).isTrue();
        assertThat(LoggerFactory.getLogger("io.fabric8.kubernetes.client.Config").isDebugEnabled()).isFalse();
    }
}
