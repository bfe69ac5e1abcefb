package com.tencentcloud.trtc.operator.trtc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tencentcloud.trtc.operator.trtc.model.CreateCloudRecordingRequest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** One rate budget per Tencent account (trtc-api §6.10), keyed by the SecretId that signs the call. */
class TrtcRateLimitersTest {

    private static final Credentials KEY_A = new Credentials("AKIDaaaa", "key-a");
    private static final Credentials KEY_B = new Credentials("AKIDbbbb", "key-b");
    private static final String CREATE = "CreateCloudRecording";

    private final TrtcRateLimiterTest.FakeTime time = new TrtcRateLimiterTest.FakeTime();
    private final List<String> seen = new ArrayList<>();
    private final TrtcRateLimiter defaults = limiter(20);
    private final TrtcRateLimiters limiters = new TrtcRateLimiters(defaults, this::limiter, seen::add);

    private TrtcRateLimiter limiter(double perSecond) {
        return new TrtcRateLimiter(perSecond, Duration.ofSeconds(30), time, time);
    }

    private static CallContext call(Credentials key, String account, double rate) {
        return new CallContext(key, "ap-guangzhou", "team", account == null ? null : new CallContext.RateBudget(account, rate));
    }

    @Test
    void callsWithoutAnAccountShareTheDefaultBudget() {
        assertThat(limiters.limiterFor(call(KEY_A, null, 0))).isSameAs(defaults);
        assertThat(limiters.limiterFor(call(KEY_B, null, 0))).isSameAs(defaults);
        assertThat(seen).isEmpty();
    }

    @Test
    void twoAccountsHaveTwoBudgetsEachAtItsOwnRateAndOneKeyUnderTwoNamesHasOne() {
        TrtcRateLimiter a = limiters.limiterFor(call(KEY_A, "team-a", 20));
        TrtcRateLimiter b = limiters.limiterFor(call(KEY_B, "team-b", 5));

        assertThat(a).isNotSameAs(b).isNotSameAs(defaults);
        assertThat(a.limit()).isEqualTo(20);
        assertThat(b.limit()).isEqualTo(5);
        assertThat(limiters.limiterFor(call(KEY_A, "team-a-again", 20))).as("same SecretId, same budget").isSameAs(a);
        assertThat(limiters.currentRate("team-b", CREATE)).isEqualTo(5);
        assertThat(seen).containsExactly("team-a", "team-b");
    }

    @Test
    void aChangedRateLimitTakesEffectOnTheNextCall() {
        TrtcRateLimiter before = limiters.limiterFor(call(KEY_A, "team-a", 20));
        TrtcRateLimiter after = limiters.limiterFor(call(KEY_A, "team-a", 10));

        assertThat(after).isNotSameAs(before);
        assertThat(after.limit()).isEqualTo(10);
        assertThat(limiters.limiterFor(call(KEY_A, "team-a", 10))).isSameAs(after);
        assertThat(seen).as("metrics are registered once per account").containsExactly("team-a");
    }

    @Test
    void aThrottleOnOneAccountSlowsThatAccountOnly() {
        RateLimitedTrtcClientTest.ScriptedClient transport = new RateLimitedTrtcClientTest.ScriptedClient();
        TrtcClient client = new RateLimitedTrtcClient(transport, limiters, TrtcCallListener.NONE);
        CreateCloudRecordingRequest request = new CreateCloudRecordingRequest(null, null, null, null, null, null, null, null, null, null, null);
        transport.answer = () -> new TrtcApiException(CREATE, "RequestLimitExceeded.UinLimitExceeded", "too many", "req");

        assertThatThrownBy(() -> client.createCloudRecording(call(KEY_A, "team-a", 20), request)).isInstanceOf(TrtcApiException.class);

        assertThat(limiters.currentRate("team-a", CREATE)).isEqualTo(10);
        assertThat(limiters.limiterFor(call(KEY_B, "team-b", 20)).currentRate(CREATE)).isEqualTo(20);
        assertThat(defaults.currentRate(CREATE)).isEqualTo(20);
    }
}
