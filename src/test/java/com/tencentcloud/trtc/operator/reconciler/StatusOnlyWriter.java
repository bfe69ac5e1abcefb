package com.tencentcloud.trtc.operator.reconciler;

import com.tencentcloud.trtc.operator.api.v1alpha1.CloudRecording;
import java.time.Instant;
import java.util.Optional;

/**
 * Base of test writers that stand in for the API server's status writes only: every other write a test did not
 * expect fails the test loudly.
 */
abstract class StatusOnlyWriter implements ResourceWriter {

    @Override
    public Optional<CloudRecording> readCurrent(CloudRecording resource) {
        throw new UnsupportedOperationException("this test's writer does not read");
    }

    @Override
    public CloudRecording markCreatePending(CloudRecording resource, Instant now) {
        throw new UnsupportedOperationException("this test's writer writes status only");
    }

    @Override
    public CloudRecording recordTaskId(CloudRecording resource, String taskId) {
        throw new UnsupportedOperationException("this test's writer writes status only");
    }

    @Override
    public CloudRecording clearCreatePending(CloudRecording resource) {
        throw new UnsupportedOperationException("this test's writer writes status only");
    }

    @Override
    public CloudRecording holdFinalizer(CloudRecording resource) {
        throw new UnsupportedOperationException("this test's writer writes status only");
    }

    @Override
    public void releaseFinalizer(CloudRecording resource) {
        throw new UnsupportedOperationException("this test's writer writes status only");
    }
}
