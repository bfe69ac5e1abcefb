package com.tencentcloud.trtc.operator.deploy;

import static com.tencentcloud.trtc.operator.deploy.PodAssertions.value;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.rbac.ClusterRole;
import io.fabric8.kubernetes.api.model.rbac.ClusterRoleBinding;
import io.fabric8.kubernetes.api.model.rbac.Role;
import io.fabric8.kubernetes.api.model.rbac.RoleBinding;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** {@code kubectl apply -k config/default} installs exactly the operator: CRD, namespace, RBAC, Deployment, Service. */
class KustomizeRenderTest {

    static final String NAMESPACE = "trtc-recording-operator-system";
    static final String PREFIX = "trtc-recording-operator-";
    static final String SERVICE_ACCOUNT = PREFIX + "controller-manager";

    static Manifests rendered;

    @BeforeAll
    static void render() throws Exception {
        rendered = Manifests.parse(kubectl("kustomize", "config/default"));
    }

    static String kubectl(String... args) throws IOException, InterruptedException {
        Path root = Manifests.projectRoot();
        assumeTrue(onPath("kubectl"), "kubectl is not on the PATH; the kustomize rendering is not checked");
        List<String> command = new java.util.ArrayList<>(List.of("kubectl"));
        command.addAll(List.of(args));
        Path errors = Files.createTempFile("kubectl", ".err");
        Process process = new ProcessBuilder(command).directory(root.toFile())
                .redirectError(errors.toFile()).start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("kubectl finished").isTrue();
        assertThat(process.exitValue()).as("kubectl %s: %s", String.join(" ", args), Files.readString(errors)).isZero();
        Files.delete(errors);
        return out;
    }

    static boolean onPath(String program) {
        String path = System.getenv("PATH");
        return path != null && java.util.Arrays.stream(path.split(java.io.File.pathSeparator))
                .anyMatch(dir -> Files.isExecutable(Path.of(dir, program)));
    }

    @Test
    void rendersTheCrdsTheNamespaceRbacTheDeploymentAndTheMetricsServiceAndNothingElse() {
        Map<String, Long> kinds = rendered.all().stream()
                .collect(Collectors.groupingBy(o -> o.getKind(), Collectors.counting()));
        assertThat(kinds).containsOnly(
                Map.entry("CustomResourceDefinition", 3L),
                Map.entry("Namespace", 1L),
                Map.entry("ServiceAccount", 1L),
                Map.entry("ClusterRole", 3L),
                Map.entry("ClusterRoleBinding", 1L),
                Map.entry("Role", 1L),
                Map.entry("RoleBinding", 1L),
                Map.entry("Deployment", 1L),
                Map.entry("Service", 1L));
        assertThat(rendered.kindsAndNames()).containsExactlyInAnyOrder(
                "CustomResourceDefinition/cloudrecordings.trtc.tencentcloud.com",
                "CustomResourceDefinition/cloudrecordingschedules.trtc.tencentcloud.com",
                "CustomResourceDefinition/trtcaccounts.trtc.tencentcloud.com",
                "Namespace/" + NAMESPACE,
                "ServiceAccount/" + SERVICE_ACCOUNT,
                "ClusterRole/" + PREFIX + "manager-role",
                "ClusterRole/" + PREFIX + "cloudrecording-editor-role",
                "ClusterRole/" + PREFIX + "cloudrecording-viewer-role",
                "ClusterRoleBinding/" + PREFIX + "manager-rolebinding",
                "Role/" + PREFIX + "leader-election-role",
                "RoleBinding/" + PREFIX + "leader-election-rolebinding",
                "Deployment/" + PREFIX + "controller-manager",
                "Service/" + PREFIX + "controller-manager-metrics");
    }

    @Test
    void namespacedObjectsLandInTheOperatorNamespaceWhichEnforcesTheRestrictedStandard() {
        rendered.all().stream()
                .filter(o -> !List.of("CustomResourceDefinition", "Namespace", "ClusterRole", "ClusterRoleBinding").contains(o.getKind()))
                .forEach(o -> assertThat(o.getMetadata().getNamespace()).as(o.getKind()).isEqualTo(NAMESPACE));
        Namespace namespace = rendered.get(Namespace.class, NAMESPACE);
        assertThat(namespace.getMetadata().getLabels()).containsEntry("pod-security.kubernetes.io/enforce", "restricted");
    }

    @Test
    void theCrdIsTheGeneratedOneFromCrds() {
        CustomResourceDefinition crd = rendered.get(CustomResourceDefinition.class, "cloudrecordings.trtc.tencentcloud.com");
        assertThat(crd.getSpec().getGroup()).isEqualTo("trtc.tencentcloud.com");
        assertThat(crd.getSpec().getNames().getKind()).isEqualTo("CloudRecording");
        assertThat(crd.getSpec().getNames().getShortNames()).containsExactly("crec");
        assertThat(crd.getSpec().getScope()).isEqualTo("Namespaced");
        assertThat(crd.getSpec().getVersions()).singleElement()
                .satisfies(v -> assertThat(v.getSubresources().getStatus()).isNotNull());
    }

    @Test
    void theCrdFitsTheLastAppliedAnnotationSoPlainKubectlApplyWorks() {
        CustomResourceDefinition crd = rendered.get(CustomResourceDefinition.class, "cloudrecordings.trtc.tencentcloud.com");
        assertThat(io.fabric8.kubernetes.client.utils.Serialization.asJson(crd).length())
                .as("client-side apply stores the object in an annotation of at most 256 KiB")
                .isLessThan(262144);
    }

    @Test
    void theManagerClusterRoleGrantsExactlyTheLeastPrivilegeRulesVerbByVerb() {
        ClusterRole manager = rendered.get(ClusterRole.class, PREFIX + "manager-role");
        assertThat(LeastPrivilege.expand(manager.getRules())).containsExactlyElementsOf(LeastPrivilege.MANAGER_WITH_ACCOUNTS);
        assertThat(manager.getAggregationRule()).isNull();

        ClusterRoleBinding binding = rendered.get(ClusterRoleBinding.class, PREFIX + "manager-rolebinding");
        assertThat(binding.getRoleRef().getKind()).isEqualTo("ClusterRole");
        assertThat(binding.getRoleRef().getName()).isEqualTo(PREFIX + "manager-role");
        assertThat(binding.getSubjects()).singleElement().satisfies(s -> {
            assertThat(s.getKind()).isEqualTo("ServiceAccount");
            assertThat(s.getName()).isEqualTo(SERVICE_ACCOUNT);
            assertThat(s.getNamespace()).isEqualTo(NAMESPACE);
        });
    }

    @Test
    void leaderElectionLeasesAreARoleInTheOperatorNamespaceOnly() {
        Role role = rendered.get(Role.class, PREFIX + "leader-election-role");
        assertThat(LeastPrivilege.expand(role.getRules())).containsExactlyElementsOf(LeastPrivilege.LEADER_ELECTION);
        RoleBinding binding = rendered.get(RoleBinding.class, PREFIX + "leader-election-rolebinding");
        assertThat(binding.getRoleRef().getName()).isEqualTo(role.getMetadata().getName());
        assertThat(binding.getSubjects()).singleElement().satisfies(s -> {
            assertThat(s.getName()).isEqualTo(SERVICE_ACCOUNT);
            assertThat(s.getNamespace()).isEqualTo(NAMESPACE);
        });
    }

    @Test
    void editorAndViewerRolesAggregateIntoTheBuiltInRolesForPeople() {
        ClusterRole editor = rendered.get(ClusterRole.class, PREFIX + "cloudrecording-editor-role");
        assertThat(LeastPrivilege.expand(editor.getRules())).containsExactlyElementsOf(LeastPrivilege.EDITOR);
        assertThat(editor.getMetadata().getLabels())
                .containsEntry("rbac.authorization.k8s.io/aggregate-to-admin", "true")
                .containsEntry("rbac.authorization.k8s.io/aggregate-to-edit", "true")
                .doesNotContainKey("rbac.authorization.k8s.io/aggregate-to-view");

        ClusterRole viewer = rendered.get(ClusterRole.class, PREFIX + "cloudrecording-viewer-role");
        assertThat(LeastPrivilege.expand(viewer.getRules())).containsExactlyElementsOf(LeastPrivilege.VIEWER);
        assertThat(viewer.getMetadata().getLabels()).containsEntry("rbac.authorization.k8s.io/aggregate-to-view", "true");
    }

    @Test
    void theManagerPodIsHardenedAsTheRestrictedStandardAsks() {
        Deployment deployment = rendered.get(Deployment.class, PREFIX + "controller-manager");
        PodAssertions.assertRestricted(deployment.getSpec().getTemplate().getSpec());
        assertThat(deployment.getSpec().getTemplate().getSpec().getServiceAccountName()).isEqualTo(SERVICE_ACCOUNT);
        ServiceAccount account = rendered.get(ServiceAccount.class, SERVICE_ACCOUNT);
        assertThat(account.getMetadata().getNamespace()).isEqualTo(NAMESPACE);
    }

    @Test
    void theCallbacksOverlayAddsTheReceiverPortItsServiceAndAnIngressForTheCallbackPathOnly() throws Exception {
        Manifests withCallbacks = Manifests.parse(kubectl("kustomize", "config/with-callbacks"));
        assertThat(withCallbacks.kindsAndNames()).containsAll(rendered.kindsAndNames())
                .contains("Service/" + PREFIX + "callbacks", "Ingress/" + PREFIX + "callbacks")
                .hasSize(rendered.kindsAndNames().size() + 2);
        Deployment deployment = withCallbacks.get(Deployment.class, PREFIX + "controller-manager");
        Container manager = PodAssertions.onlyContainer(deployment.getSpec().getTemplate().getSpec());
        assertThat(value(manager, "CALLBACK_PORT")).contains("8081");
        assertThat(value(manager, "METRICS_PORT")).as("a port of its own").contains("8080");
        assertThat(manager.getPorts()).extracting(p -> p.getName() + ":" + p.getContainerPort())
                .contains("http-metrics:8080", "http-callback:8081");
        io.fabric8.kubernetes.api.model.Service service = withCallbacks.get(io.fabric8.kubernetes.api.model.Service.class, PREFIX + "callbacks");
        assertThat(service.getMetadata().getNamespace()).isEqualTo(NAMESPACE);
        assertThat(deployment.getSpec().getTemplate().getMetadata().getLabels()).containsAllEntriesOf(service.getSpec().getSelector());
        io.fabric8.kubernetes.api.model.networking.v1.Ingress ingress =
                withCallbacks.get(io.fabric8.kubernetes.api.model.networking.v1.Ingress.class, PREFIX + "callbacks");
        assertThat(ingress.getSpec().getRules()).singleElement().satisfies(rule -> assertThat(rule.getHttp().getPaths())
                .singleElement().satisfies(path -> {
                    assertThat(path.getPath()).isEqualTo("/trtc/callback");
                    assertThat(path.getPathType()).isEqualTo("Exact");
                    assertThat(path.getBackend().getService().getName()).isEqualTo(service.getMetadata().getName());
                }));
    }

    @Test
    void theManagerIsProbedOnHealthzAndReadyzAndHasResources() {
        Container manager = PodAssertions.onlyContainer(
                rendered.get(Deployment.class, PREFIX + "controller-manager").getSpec().getTemplate().getSpec());
        PodAssertions.assertProbes(manager);
        assertThat(manager.getResources().getRequests()).containsKeys("cpu", "memory");
        assertThat(manager.getResources().getLimits()).containsKey("memory");
        assertThat(manager.getImage()).isEqualTo("trtc-recording-operator:0.1.0");
    }

    @Test
    void oneReplicaWithoutLeaderElectionIsReplacedNotRolledSoTwoOperatorsNeverOverlap() {
        Deployment deployment = rendered.get(Deployment.class, PREFIX + "controller-manager");
        assertThat(deployment.getSpec().getReplicas()).isEqualTo(1);
        assertThat(deployment.getSpec().getStrategy().getType()).isEqualTo("Recreate");
        Container manager = deployment.getSpec().getTemplate().getSpec().getContainers().get(0);
        assertThat(value(manager, "LEADER_ELECTION")).contains("false");
    }

    @Test
    void theManagerIsConfiguredThroughTheDocumentedVariablesWithOptionalDefaultCredentials() {
        Container manager = rendered.get(Deployment.class, PREFIX + "controller-manager")
                .getSpec().getTemplate().getSpec().getContainers().get(0);
        Map<String, String> literals = PodAssertions.env(manager).values().stream()
                .filter(e -> e.getValueFrom() == null)
                .collect(Collectors.toMap(e -> e.getName(), e -> e.getValue() == null ? "" : e.getValue()));
        assertThat(literals).containsOnly(
                Map.entry("TRTC_ENDPOINT", "trtc.tencentcloudapi.com"),
                Map.entry("TRTC_REGION", "ap-guangzhou"),
                Map.entry("WATCH_NAMESPACES", ""),
                Map.entry("TRTC_RATE_LIMIT", "20"),
                Map.entry("TRTC_POLL_INTERVAL", "30s"),
                Map.entry("LOG_LEVEL", "INFO"),
                Map.entry("LEADER_ELECTION", "false"),
                Map.entry("METRICS_PORT", "8080"));
        PodAssertions.assertPodNamespaceFromDownwardApi(manager);
        PodAssertions.assertSecretKeyRef(manager, "TENCENTCLOUD_SECRET_ID", PREFIX + "credentials", "secretId", true);
        PodAssertions.assertSecretKeyRef(manager, "TENCENTCLOUD_SECRET_KEY", PREFIX + "credentials", "secretKey", true);
        assertThat(PodAssertions.env(manager)).hasSize(literals.size() + 3);
    }

    @Test
    void theMetricsServiceSelectsTheManagerPodOnPort8080() {
        Service service = rendered.get(Service.class, PREFIX + "controller-manager-metrics");
        Deployment deployment = rendered.get(Deployment.class, PREFIX + "controller-manager");
        assertThat(deployment.getSpec().getTemplate().getMetadata().getLabels())
                .containsAllEntriesOf(service.getSpec().getSelector());
        assertThat(deployment.getSpec().getSelector().getMatchLabels()).isEqualTo(service.getSpec().getSelector());
        assertThat(service.getSpec().getPorts()).singleElement().satisfies(p -> {
            assertThat(p.getPort()).isEqualTo(8080);
            assertThat(p.getName()).isEqualTo("http-metrics");
            assertThat(p.getTargetPort().getStrVal()).isEqualTo("http-metrics");
        });
    }
}
