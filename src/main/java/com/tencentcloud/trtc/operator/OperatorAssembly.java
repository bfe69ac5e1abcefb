package com.tencentcloud.trtc.operator;

import com.tencentcloud.trtc.operator.reconciler.CloudRecordingReconciler;
import com.tencentcloud.trtc.operator.reconciler.OperatorConfig;
import com.tencentcloud.trtc.operator.trtc.TrtcClient;
import com.tencentcloud.trtc.operator.trtc.UserSig;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.javaoperatorsdk.operator.Operator;
import io.javaoperatorsdk.operator.api.config.LeaderElectionConfiguration;
import java.time.Clock;

/**
 * Builds the operator from its parts: the Kubernetes client, the configuration and the TRTC client. Used by
 * {@code run} against a cluster and by anything that runs the operator in-process (the sandbox, tests).
 */
public final class OperatorAssembly {

    public static final String LEASE_NAME = "trtc-recording-operator";

    private OperatorAssembly() {
    }

    /** An operator with the CloudRecording reconciler registered, not yet started. */
    public static Operator build(KubernetesClient client, OperatorConfig config, TrtcClient trtc, Clock clock) {
        Operator operator = new Operator(o -> {
            o.withKubernetesClient(client)
                    .withConcurrentReconciliationThreads(config.reconcileThreads())
                    .withUseSSAToPatchPrimaryResource(config.serverSideApply());
            if (config.leaderElection()) {
                o.withLeaderElectionConfiguration(new LeaderElectionConfiguration(LEASE_NAME, config.leaderElectionNamespace()));
            }
        });
        operator.register(new CloudRecordingReconciler(trtc, config, UserSig::generate, clock), o -> {
            if (!config.watchNamespaces().isEmpty()) {
                o.settingNamespaces(config.watchNamespaces());
            }
        });
        return operator;
    }
}
