package com.tencentcloud.trtc.operator.schedule;

import com.tencentcloud.trtc.operator.api.v1alpha1.CloudRecording;
import com.tencentcloud.trtc.operator.api.v1alpha1.CloudRecordingSchedule;
import com.tencentcloud.trtc.operator.api.v1alpha1.CloudRecordingScheduleStatus;
import java.util.Optional;

/** The schedule reconciler's writes: its own status, and creating and deleting its children. Never a spec. */
public interface ScheduleApi {

    /** Replaces the schedule's status subresource. */
    CloudRecordingSchedule writeStatus(CloudRecordingSchedule schedule, CloudRecordingScheduleStatus status);

    /** What creating a child came to. */
    sealed interface Created {
        /** The child was created. */
        record Done(CloudRecording child) implements Created {
        }

        /** A resource with that name exists already (HTTP 409); {@code existing} if it could be read. */
        record Exists(Optional<CloudRecording> existing) implements Created {
        }

        /** The API server refused the child (HTTP 422): the template cannot make a valid CloudRecording. */
        record Refused(String message) implements Created {
        }
    }

    Created createChild(CloudRecording child);

    /** Deletes a child, with background propagation; one that is gone already counts as deleted. */
    void deleteChild(CloudRecording child);
}
