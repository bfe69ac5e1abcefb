package com.tencentcloud.trtc.operator.testing;

import java.time.Clock;
import java.time.ZoneId;
import java.time.ZoneOffset;

/** The part the test clocks share: UTC, and a zone change that changes nothing. */
abstract class UtcClock extends Clock {

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }
}
