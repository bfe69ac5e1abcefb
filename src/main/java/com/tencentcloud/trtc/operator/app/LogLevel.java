package com.tencentcloud.trtc.operator.app;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import com.tencentcloud.trtc.operator.reconciler.OperatorConfig;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.slf4j.LoggerFactory;

/**
 * {@code LOG_LEVEL}: how much the operator's own loggers ({@code com.tencentcloud.trtc.operator}) say, one of
 * {@code ERROR}, {@code WARN}, {@code INFO} (default), {@code DEBUG} or {@code TRACE}, any case. Libraries stay at
 * {@code INFO}. An unknown value stops start-up, naming the variable, instead of falling back silently.
 */
public final class LogLevel {

    public static final String VARIABLE = "LOG_LEVEL";
    private static final Set<String> NAMES = Set.of("ERROR", "WARN", "INFO", "DEBUG", "TRACE");

    private LogLevel() {
    }

    /** The level {@code env} asks for; {@code INFO} when unset. */
    public static Level parse(Map<String, String> env) {
        String value = Optional.ofNullable(env.get(VARIABLE)).map(String::trim).filter(v -> !v.isEmpty()).orElse("INFO");
        String name = value.toUpperCase(Locale.ROOT);
        if (!NAMES.contains(name)) {
            throw new OperatorConfig.InvalidConfigException(VARIABLE,
                    "must be one of ERROR, WARN, INFO, DEBUG, TRACE, got '" + value + "'");
        }
        return Level.toLevel(name);
    }

    /** Sets the operator's loggers to {@code level}. */
    public static void apply(Level level) {
        ((Logger) LoggerFactory.getLogger("com.tencentcloud.trtc.operator")).setLevel(level);
    }
}
