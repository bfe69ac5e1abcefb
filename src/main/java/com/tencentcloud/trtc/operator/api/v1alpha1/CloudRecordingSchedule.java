package com.tencentcloud.trtc.operator.api.v1alpha1;

import io.fabric8.crd.generator.annotation.AdditionalPrinterColumn;
import io.fabric8.crd.generator.annotation.AdditionalPrinterColumn.Type;
import io.fabric8.kubernetes.api.model.Namespaced;
import io.fabric8.kubernetes.client.CustomResource;
import io.fabric8.kubernetes.model.annotation.Group;
import io.fabric8.kubernetes.model.annotation.Kind;
import io.fabric8.kubernetes.model.annotation.Plural;
import io.fabric8.kubernetes.model.annotation.ShortNames;
import io.fabric8.kubernetes.model.annotation.Singular;
import io.fabric8.kubernetes.model.annotation.Version;

/**
 * Starts a {@link CloudRecording} on a cron schedule, the way a CronJob starts Jobs (design §9).
 *
 * <p>Each slot's child is named {@code <schedule>-<slot as minutes since the epoch>}, owned by the schedule
 * (deleting the schedule deletes its children, which stops their tasks unless their deletionPolicy is Orphan) and
 * labelled {@value #LABEL_SCHEDULE}. The name is the guard that starts a slot at most once, across restarts and
 * leader changes: creating a name that exists fails, and means the slot was started.
 */
@Group(CloudRecording.GROUP)
@Version(CloudRecording.VERSION)
@Kind("CloudRecordingSchedule")
@Plural("cloudrecordingschedules")
@Singular("cloudrecordingschedule")
@ShortNames("crecsched")
@AdditionalPrinterColumn(name = "Schedule", jsonPath = ".spec.schedule", type = Type.STRING)
@AdditionalPrinterColumn(name = "Timezone", jsonPath = ".spec.timeZone", type = Type.STRING)
@AdditionalPrinterColumn(name = "Suspend", jsonPath = ".spec.suspend", type = Type.BOOLEAN)
@AdditionalPrinterColumn(name = "Active", jsonPath = ".status.active", type = Type.STRING)
@AdditionalPrinterColumn(name = "Last", jsonPath = ".status.lastScheduleTime", type = Type.DATE)
@AdditionalPrinterColumn(name = "Next", jsonPath = ".status.nextScheduleTime", type = Type.STRING)
@AdditionalPrinterColumn(name = "Age", jsonPath = ".metadata.creationTimestamp", type = Type.DATE)
public class CloudRecordingSchedule extends CustomResource<CloudRecordingScheduleSpec, CloudRecordingScheduleStatus>
        implements Namespaced {

    /** On every child: the name of the schedule that started it. */
    public static final String LABEL_SCHEDULE = CloudRecording.ANNOTATION_PREFIX + "schedule";
    /** On every child: the slot it was started for (RFC 3339, UTC). */
    public static final String ANNOTATION_SCHEDULED_AT = CloudRecording.ANNOTATION_PREFIX + "scheduled-at";
    /** On a child: when the schedule's next slot comes (RFC 3339, UTC); a task that fails after it is not restarted. */
    public static final String ANNOTATION_WINDOW_ENDS = CloudRecording.ANNOTATION_PREFIX + "window-ends";
}
