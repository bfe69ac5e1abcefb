package com.tencentcloud.trtc.operator.schedule;

import com.tencentcloud.trtc.operator.api.v1alpha1.CloudRecording;
import com.tencentcloud.trtc.operator.api.v1alpha1.CloudRecordingSchedule;
import com.tencentcloud.trtc.operator.reconciler.EventRecorder;
import com.tencentcloud.trtc.operator.reconciler.OperatorConfig;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.javaoperatorsdk.operator.api.config.informer.InformerEventSourceConfiguration;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.ControllerConfiguration;
import io.javaoperatorsdk.operator.api.reconciler.EventSourceContext;
import io.javaoperatorsdk.operator.api.reconciler.Reconciler;
import io.javaoperatorsdk.operator.api.reconciler.UpdateControl;
import io.javaoperatorsdk.operator.processing.event.source.EventSource;
import io.javaoperatorsdk.operator.processing.event.source.informer.InformerEventSource;
import io.javaoperatorsdk.operator.processing.event.source.informer.Mappers;
import java.time.Clock;
import java.util.List;
import java.util.function.Function;

/**
 * Starts a CloudRecording at every slot of a CloudRecordingSchedule (design §9); {@link Scheduler} decides and acts.
 *
 * <p>Children are watched through their {@value CloudRecordingSchedule#LABEL_SCHEDULE} label and mapped to their
 * schedule by owner reference, so a child that finishes is seen at once (history limits, {@code Forbid}). A schedule
 * has no finalizer (deleting one never waits for the operator): Kubernetes' garbage collector deletes its children,
 * whose own finalizers stop their tasks. The few bytes the {@link Scheduler} keeps per schedule stay until restart. Spec changes start a reconcile; the operator's own status writes do not.
 */
@ControllerConfiguration(name = CloudRecordingScheduleReconciler.NAME)
public class CloudRecordingScheduleReconciler implements Reconciler<CloudRecordingSchedule> {

    public static final String NAME = "cloudrecordingschedule";

    private final Clock clock;
    private final Function<KubernetesClient, ScheduleApi> apis;
    private volatile Scheduler scheduler;

    public CloudRecordingScheduleReconciler(Clock clock) {
        this(clock, KubernetesScheduleApi::new);
    }

    /** With another {@link ScheduleApi} (tests). */
    public CloudRecordingScheduleReconciler(Clock clock, Function<KubernetesClient, ScheduleApi> apis) {
        this.clock = clock;
        this.apis = apis;
    }

    @Override
    public List<EventSource<?, CloudRecordingSchedule>> prepareEventSources(EventSourceContext<CloudRecordingSchedule> context) {
        scheduler = new Scheduler(apis.apply(context.getClient()), new EventRecorder(context.getClient(), clock), clock);
        InformerEventSource<CloudRecording, CloudRecordingSchedule> children = new InformerEventSource<>(
                InformerEventSourceConfiguration.from(CloudRecording.class, CloudRecordingSchedule.class)
                        .withName("children")
                        .withNamespacesInheritedFromController()
                        .withLabelSelector(CloudRecordingSchedule.LABEL_SCHEDULE)
                        .withInformerListLimit(OperatorConfig.INFORMER_LIST_LIMIT)
                        .withSecondaryToPrimaryMapper(Mappers.fromOwnerReferences(CloudRecordingSchedule.class))
                        .build(), context);
        return List.of(children);
    }

    @Override
    public UpdateControl<CloudRecordingSchedule> reconcile(CloudRecordingSchedule schedule, Context<CloudRecordingSchedule> context) {
        UpdateControl<CloudRecordingSchedule> control = UpdateControl.noUpdate();
        return scheduler.sync(schedule, context.getSecondaryResources(CloudRecording.class))
                .map(control::rescheduleAfter).orElse(control);
    }
}
