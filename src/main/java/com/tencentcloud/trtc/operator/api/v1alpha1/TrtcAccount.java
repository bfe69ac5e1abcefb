package com.tencentcloud.trtc.operator.api.v1alpha1;

import io.fabric8.crd.generator.annotation.AdditionalPrinterColumn;
import io.fabric8.crd.generator.annotation.AdditionalPrinterColumn.Type;
import io.fabric8.kubernetes.client.CustomResource;
import io.fabric8.kubernetes.model.annotation.Group;
import io.fabric8.kubernetes.model.annotation.Kind;
import io.fabric8.kubernetes.model.annotation.Plural;
import io.fabric8.kubernetes.model.annotation.ShortNames;
import io.fabric8.kubernetes.model.annotation.Singular;
import io.fabric8.kubernetes.model.annotation.Version;

/**
 * A Tencent Cloud account that CloudRecordings of selected namespaces use through {@code spec.accountRef}, so that
 * the teams that record never hold its keys (design §12). Cluster-scoped: a platform team owns it.
 *
 * <p>The operator holds the finalizer {@link #FINALIZER} on every account: one that CloudRecordings still name is not
 * deleted until the last of them is gone.
 */
@Group(CloudRecording.GROUP)
@Version(CloudRecording.VERSION)
@Kind("TrtcAccount")
@Plural("trtcaccounts")
@Singular("trtcaccount")
@ShortNames("trtcacct")
@AdditionalPrinterColumn(name = "Ready", jsonPath = ".status.conditions[?(@.type==\"Ready\")].status", type = Type.STRING)
@AdditionalPrinterColumn(name = "Users", jsonPath = ".status.users", type = Type.INTEGER)
@AdditionalPrinterColumn(name = "Age", jsonPath = ".metadata.creationTimestamp", type = Type.DATE)
public class TrtcAccount extends CustomResource<TrtcAccountSpec, TrtcAccountStatus> {

    /** Held while CloudRecordings name the account. */
    public static final String FINALIZER = CloudRecording.GROUP + "/account-in-use";
}
