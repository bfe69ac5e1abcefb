package com.tencentcloud.trtc.operator.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.rbac.PolicyRule;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The permissions the operator needs, as one "group/resource verb" line per verb, and nothing else.
 * Every way of installing (kustomize, Helm) is checked against these lines.
 */
final class LeastPrivilege {

    /** The manager's rules: a ClusterRole when all namespaces are watched, a Role per namespace otherwise. */
    static final Set<String> MANAGER = lines(
            "trtc.tencentcloud.com/cloudrecordings get",
            "trtc.tencentcloud.com/cloudrecordings list",
            "trtc.tencentcloud.com/cloudrecordings watch",
            "trtc.tencentcloud.com/cloudrecordings update",
            "trtc.tencentcloud.com/cloudrecordings patch",
            "trtc.tencentcloud.com/cloudrecordings create",
            "trtc.tencentcloud.com/cloudrecordings delete",
            "trtc.tencentcloud.com/cloudrecordings/status get",
            "trtc.tencentcloud.com/cloudrecordings/status update",
            "trtc.tencentcloud.com/cloudrecordings/status patch",
            "trtc.tencentcloud.com/cloudrecordings/finalizers update",
            "trtc.tencentcloud.com/cloudrecordingschedules get",
            "trtc.tencentcloud.com/cloudrecordingschedules list",
            "trtc.tencentcloud.com/cloudrecordingschedules watch",
            "trtc.tencentcloud.com/cloudrecordingschedules/status get",
            "trtc.tencentcloud.com/cloudrecordingschedules/status update",
            "trtc.tencentcloud.com/cloudrecordingschedules/status patch",
            "trtc.tencentcloud.com/cloudrecordingschedules/finalizers update",
            "core/secrets get",
            "core/secrets list",
            "core/secrets watch",
            "core/events create",
            "core/events patch",
            "events.k8s.io/events create",
            "events.k8s.io/events patch");

    /** TrtcAccounts and namespace labels, cluster-scoped whatever namespaces are watched. */
    static final Set<String> ACCOUNTS = lines(
            "trtc.tencentcloud.com/trtcaccounts get",
            "trtc.tencentcloud.com/trtcaccounts list",
            "trtc.tencentcloud.com/trtcaccounts watch",
            "trtc.tencentcloud.com/trtcaccounts update",
            "trtc.tencentcloud.com/trtcaccounts patch",
            "trtc.tencentcloud.com/trtcaccounts/status get",
            "trtc.tencentcloud.com/trtcaccounts/status update",
            "trtc.tencentcloud.com/trtcaccounts/status patch",
            "trtc.tencentcloud.com/trtcaccounts/finalizers update",
            "core/namespaces get",
            "core/namespaces list",
            "core/namespaces watch");

    /** The kustomize manager role, which watches all namespaces: the manager's rules and the accounts' in one. */
    static final Set<String> MANAGER_WITH_ACCOUNTS = union(MANAGER, ACCOUNTS);

    /** Leader election, a Role in the namespace that holds the Lease. */
    static final Set<String> LEADER_ELECTION = lines(
            "coordination.k8s.io/leases get",
            "coordination.k8s.io/leases create",
            "coordination.k8s.io/leases update");

    static final Set<String> EDITOR = lines(
            "trtc.tencentcloud.com/cloudrecordings create",
            "trtc.tencentcloud.com/cloudrecordings delete",
            "trtc.tencentcloud.com/cloudrecordings deletecollection",
            "trtc.tencentcloud.com/cloudrecordings get",
            "trtc.tencentcloud.com/cloudrecordings list",
            "trtc.tencentcloud.com/cloudrecordings patch",
            "trtc.tencentcloud.com/cloudrecordings update",
            "trtc.tencentcloud.com/cloudrecordings watch",
            "trtc.tencentcloud.com/cloudrecordings/status get",
            "trtc.tencentcloud.com/cloudrecordingschedules create",
            "trtc.tencentcloud.com/cloudrecordingschedules delete",
            "trtc.tencentcloud.com/cloudrecordingschedules deletecollection",
            "trtc.tencentcloud.com/cloudrecordingschedules get",
            "trtc.tencentcloud.com/cloudrecordingschedules list",
            "trtc.tencentcloud.com/cloudrecordingschedules patch",
            "trtc.tencentcloud.com/cloudrecordingschedules update",
            "trtc.tencentcloud.com/cloudrecordingschedules watch",
            "trtc.tencentcloud.com/cloudrecordingschedules/status get");

    static final Set<String> VIEWER = lines(
            "trtc.tencentcloud.com/cloudrecordings get",
            "trtc.tencentcloud.com/cloudrecordings list",
            "trtc.tencentcloud.com/cloudrecordings watch",
            "trtc.tencentcloud.com/cloudrecordings/status get",
            "trtc.tencentcloud.com/cloudrecordingschedules get",
            "trtc.tencentcloud.com/cloudrecordingschedules list",
            "trtc.tencentcloud.com/cloudrecordingschedules watch",
            "trtc.tencentcloud.com/cloudrecordingschedules/status get");

    private LeastPrivilege() {
    }

    /** Expands rules verb by verb; wildcards, resourceNames and non-resource URLs fail, since none is needed. */
    static Set<String> expand(List<PolicyRule> rules) {
        Set<String> out = new TreeSet<>();
        for (PolicyRule rule : rules) {
            assertThat(rule.getNonResourceURLs()).as("nonResourceURLs").isNullOrEmpty();
            assertThat(rule.getResourceNames()).as("resourceNames").isNullOrEmpty();
            for (String group : rule.getApiGroups()) {
                for (String resource : rule.getResources()) {
                    for (String verb : rule.getVerbs()) {
                        assertThat(List.of(group, resource, verb)).as("no wildcards").doesNotContain("*");
                        out.add((group.isEmpty() ? "core" : group) + "/" + resource + " " + verb);
                    }
                }
            }
        }
        return out;
    }

    private static Set<String> union(Set<String> a, Set<String> b) {
        Set<String> out = new TreeSet<>(a);
        out.addAll(b);
        return out;
    }

    private static Set<String> lines(String... lines) {
        return new TreeSet<>(List.of(lines));
    }
}
