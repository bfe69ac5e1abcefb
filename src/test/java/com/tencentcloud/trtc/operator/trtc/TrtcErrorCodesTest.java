package com.tencentcloud.trtc.operator.trtc;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvFileSource;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class TrtcErrorCodesTest {

    private static final String TABLE = "/trtc/error-codes.csv";

    @ParameterizedTest(name = "{0} is {1}")
    @CsvFileSource(resources = TABLE)
    void everyDocumentedCodeHasItsClass(String code, TrtcErrorClass expected) {
        assertThat(TrtcErrorCodes.classify(code)).isEqualTo(expected);
    }

    @Test
    void theTableHoldsExactlyTheDocumentedCodes() throws IOException {
        Map<String, TrtcErrorClass> documented;
        try (InputStream in = getClass().getResourceAsStream(TABLE)) {
            documented = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
                    .filter(line -> !line.isBlank() && !line.startsWith("#"))
                    .map(line -> line.split(","))
                    .collect(Collectors.toMap(cells -> cells[0].trim(), cells -> TrtcErrorClass.valueOf(cells[1].trim())));
        }

        assertThat(TrtcErrorCodes.knownCodes()).isEqualTo(documented);
    }

    @ParameterizedTest(name = "{0} is {1} by its category")
    @CsvSource({
            "InternalError.SomethingNew, TRANSIENT",
            "RequestLimitExceeded.SomethingNew, TRANSIENT",
            "ResourceInsufficient.SomethingNew, TRANSIENT",
            "ResourceUnavailable.SomethingNew, TRANSIENT",
            "ResourceNotFound.SomethingNew, TASK_GONE",
            "InvalidParameter.SomethingNew, TERMINAL",
            "MissingParameter.SomethingNew, TERMINAL",
            "AuthFailure.SomethingNew, TERMINAL",
            "UnsupportedOperation.SomethingNew, TERMINAL",
            "UnauthorizedOperation.SomethingNew, TERMINAL",
            "FailedOperation.SomethingNew, TERMINAL"})
    void unlistedCodesFollowTheirCategory(String code, TrtcErrorClass expected) {
        assertThat(TrtcErrorCodes.classify(code)).isEqualTo(expected);
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"  ", "SomethingNobodyDocumented", "Brand.New.Code", "internalerror"})
    void unknownOrMissingCodesAreTerminal(String code) {
        assertThat(TrtcErrorCodes.classify(code)).isEqualTo(TrtcErrorClass.TERMINAL);
    }
}
