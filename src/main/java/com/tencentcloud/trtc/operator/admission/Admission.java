package com.tencentcloud.trtc.operator.admission;

import java.time.Duration;

/** The answer of {@link TaskSlots#admit}: create now, or wait in line. */
public sealed interface Admission {

    /** The resource holds a slot from now on: it may call CreateCloudRecording. */
    record Admitted() implements Admission {
    }

    /**
     * The resource waits, without any call.
     *
     * @param position   1 for the head of the line
     * @param length     how many wait for this SdkAppId
     * @param sdkAppId   the application whose slots are taken
     * @param limit      the application's limit of live tasks
     * @param restricted whether TRTC itself answered {@code FailedOperation.RestrictedConcurrency}: the application is
     *                   full whatever the operator counts, and only a probe every {@link TaskSlots#PROBE_INTERVAL} goes
     * @param recheck    when to look again though nothing happened: the probe time of the head, or a refresh of the
     *                   position shown, spaced so that a long line costs few status writes
     */
    record Queued(int position, int length, long sdkAppId, int limit, boolean restricted, Duration recheck)
            implements Admission {

        /** What {@code Ready=False Queued} says: {@code position P of Q for SdkAppId A (limit N)}, and why if TRTC refused. */
        public String message() {
            String line = "position " + position + " of " + length + " for SdkAppId " + sdkAppId + " (limit " + limit + ")";
            return restricted ? line + "; TRTC answered FailedOperation.RestrictedConcurrency (tasks started elsewhere or a"
                    + " lower limit): the application counts as full and one Create probes it every "
                    + TaskSlots.PROBE_INTERVAL.toSeconds() + "s" : line;
        }
    }

    Admission ADMITTED = new Admitted();
}
