package com.tencentcloud.trtc.operator.deploy;

import static com.tencentcloud.trtc.operator.deploy.PodAssertions.value;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.marcnuri.helm.Helm;
import com.marcnuri.helm.LintResult;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.Toleration;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.fabric8.kubernetes.api.model.rbac.ClusterRole;
import io.fabric8.kubernetes.api.model.rbac.ClusterRoleBinding;
import io.fabric8.kubernetes.api.model.rbac.Role;
import io.fabric8.kubernetes.api.model.rbac.RoleBinding;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** The Helm chart lints strictly, renders what each set of values promises, and ships the generated CRD unchanged. */
class HelmChartTest {

    static final Path ROOT = Manifests.projectRoot();
    static final Path CHART = ROOT.resolve("charts/trtc-recording-operator");
    static final String RELEASE = "trtc-recording-operator";
    static final String NAMESPACE = "trtc-system";
    static final String NON_DEFAULT_VALUES = "src/test/resources/deploy/helm/non-default-values.yaml";

    static Manifests render(Consumer<com.marcnuri.helm.TemplateCommand> values) {
        com.marcnuri.helm.TemplateCommand template = new Helm(CHART).template()
                .withName(RELEASE)
                .withNamespace(NAMESPACE)
                .withKubeVersion("1.32.0");
        values.accept(template);
        return Manifests.parse(template.call());
    }

    static Deployment deployment(Manifests rendered) {
        return rendered.get(Deployment.class, RELEASE);
    }

    static Container manager(Manifests rendered) {
        return PodAssertions.onlyContainer(deployment(rendered).getSpec().getTemplate().getSpec());
    }

    @Test
    void strictLintPasses() {
        LintResult lint = new Helm(CHART).lint().strict().call();
        assertThat(lint.isFailed()).as("helm lint --strict: %s", lint.getMessages()).isFalse();
    }

    @Nested
    class DefaultValues {

        final Manifests rendered = render(t -> { });

        @Test
        void rendersTheServiceAccountTheClusterWideRbacTheDeploymentAndTheMetricsService() {
            assertThat(rendered.kindsAndNames()).containsExactlyInAnyOrder(
                    "ServiceAccount/" + RELEASE,
                    "ClusterRole/" + RELEASE,
                    "ClusterRoleBinding/" + RELEASE,
                    "ClusterRole/" + RELEASE + "-accounts",
                    "ClusterRoleBinding/" + RELEASE + "-accounts",
                    "ClusterRole/" + RELEASE + "-editor",
                    "ClusterRole/" + RELEASE + "-viewer",
                    "Deployment/" + RELEASE,
                    "Service/" + RELEASE + "-metrics",
                    "CustomResourceDefinition/cloudrecordings.trtc.tencentcloud.com",
                    "CustomResourceDefinition/cloudrecordingschedules.trtc.tencentcloud.com",
                    "CustomResourceDefinition/trtcaccounts.trtc.tencentcloud.com");
            rendered.all().stream().filter(o -> !o.getKind().startsWith("Cluster") && !isCrd(o))
                    .forEach(o -> assertThat(o.getMetadata().getNamespace()).as(o.getKind()).isEqualTo(NAMESPACE));
            rendered.all().forEach(o -> assertThat(o.getMetadata().getLabels())
                    .containsEntry("app.kubernetes.io/name", "trtc-recording-operator")
                    .containsEntry("app.kubernetes.io/instance", RELEASE)
                    .containsEntry("app.kubernetes.io/managed-by", "Helm"));
        }

        @Test
        void theServiceAccount() {
            ServiceAccount account = rendered.get(ServiceAccount.class, RELEASE);
            assertThat(account.getMetadata().getAnnotations()).isNullOrEmpty();
            assertThat(deployment(rendered).getSpec().getTemplate().getSpec().getServiceAccountName()).isEqualTo(RELEASE);
        }

        @Test
        void theAccountsClusterRoleGrantsExactlyTheAccountRulesAndIsBoundToTheServiceAccount() {
            assertThat(LeastPrivilege.expand(rendered.get(ClusterRole.class, RELEASE + "-accounts").getRules()))
                    .containsExactlyElementsOf(LeastPrivilege.ACCOUNTS);
            ClusterRoleBinding binding = rendered.get(ClusterRoleBinding.class, RELEASE + "-accounts");
            assertThat(binding.getRoleRef().getName()).isEqualTo(RELEASE + "-accounts");
            assertThat(binding.getSubjects()).singleElement().satisfies(s -> assertThat(s.getName()).isEqualTo(RELEASE));
        }

        @Test
        void theClusterRoleGrantsExactlyTheLeastPrivilegeRulesAndIsBoundToTheServiceAccount() {
            assertThat(LeastPrivilege.expand(rendered.get(ClusterRole.class, RELEASE).getRules()))
                    .containsExactlyElementsOf(LeastPrivilege.MANAGER);
            ClusterRoleBinding binding = rendered.get(ClusterRoleBinding.class, RELEASE);
            assertThat(binding.getRoleRef().getKind()).isEqualTo("ClusterRole");
            assertThat(binding.getRoleRef().getName()).isEqualTo(RELEASE);
            assertThat(binding.getSubjects()).singleElement().satisfies(s -> {
                assertThat(s.getKind()).isEqualTo("ServiceAccount");
                assertThat(s.getName()).isEqualTo(RELEASE);
                assertThat(s.getNamespace()).isEqualTo(NAMESPACE);
            });
        }

        @Test
        void theEditorAndViewerRolesAggregateIntoTheBuiltInRoles() {
            ClusterRole editor = rendered.get(ClusterRole.class, RELEASE + "-editor");
            assertThat(LeastPrivilege.expand(editor.getRules())).containsExactlyElementsOf(LeastPrivilege.EDITOR);
            assertThat(editor.getMetadata().getLabels())
                    .containsEntry("rbac.authorization.k8s.io/aggregate-to-admin", "true")
                    .containsEntry("rbac.authorization.k8s.io/aggregate-to-edit", "true");
            ClusterRole viewer = rendered.get(ClusterRole.class, RELEASE + "-viewer");
            assertThat(LeastPrivilege.expand(viewer.getRules())).containsExactlyElementsOf(LeastPrivilege.VIEWER);
            assertThat(viewer.getMetadata().getLabels()).containsEntry("rbac.authorization.k8s.io/aggregate-to-view", "true");
        }

        @Test
        void theDeploymentRunsOneHardenedReplicaWithoutLeaderElectionAndIsReplacedNotRolled() {
            Deployment deployment = deployment(rendered);
            assertThat(deployment.getSpec().getReplicas()).isEqualTo(1);
            assertThat(deployment.getSpec().getStrategy().getType()).isEqualTo("Recreate");
            PodSpec pod = deployment.getSpec().getTemplate().getSpec();
            PodAssertions.assertRestricted(pod);
            assertThat(pod.getNodeSelector()).containsExactly(Map.entry("kubernetes.io/os", "linux"));
            assertThat(pod.getTolerations()).isNullOrEmpty();
            assertThat(pod.getAffinity()).isNull();
            assertThat(deployment.getSpec().getSelector().getMatchLabels())
                    .isEqualTo(Map.of("app.kubernetes.io/name", "trtc-recording-operator",
                            "app.kubernetes.io/instance", RELEASE,
                            "app.kubernetes.io/component", "controller-manager"));

            Container manager = manager(rendered);
            assertThat(manager.getImage()).isEqualTo("trtc-recording-operator:0.1.0");
            assertThat(manager.getImagePullPolicy()).isEqualTo("IfNotPresent");
            PodAssertions.assertProbes(manager);
            assertThat(manager.getResources().getRequests())
                    .containsEntry("cpu", new Quantity("100m")).containsEntry("memory", new Quantity("256Mi"));
            assertThat(manager.getResources().getLimits()).containsOnlyKeys("memory")
                    .as("the limit the image's JVM flags are sized for").containsEntry("memory", new Quantity("256Mi"));
        }

        @Test
        void theEnvironmentHasTheDocumentedDefaultsAndNoCredentials() {
            Container manager = manager(rendered);
            PodAssertions.assertPodNamespaceFromDownwardApi(manager);
            Map<String, String> literals = manager.getEnv().stream().filter(e -> e.getValueFrom() == null)
                    .collect(Collectors.toMap(e -> e.getName(), e -> e.getValue() == null ? "" : e.getValue()));
            assertThat(literals).containsOnly(
                    Map.entry("TRTC_ENDPOINT", "trtc.tencentcloudapi.com"),
                    Map.entry("TRTC_REGION", "ap-guangzhou"),
                    Map.entry("WATCH_NAMESPACES", ""),
                    Map.entry("TRTC_RATE_LIMIT", "20"),
                    Map.entry("TRTC_POLL_INTERVAL", "30s"),
                    Map.entry("TRTC_MAX_CONCURRENT_TASKS", "100"),
                    Map.entry("LOG_LEVEL", "INFO"),
                    Map.entry("LEADER_ELECTION", "false"),
                    Map.entry("METRICS_PORT", "8080"));
            assertThat(manager.getEnv()).hasSize(literals.size() + 1);
            assertThat(deployment(rendered).getSpec().getTemplate().getMetadata().getAnnotations()).isNullOrEmpty();
        }

        @Test
        void theMetricsServiceSelectsTheManagerPod() {
            Service service = rendered.get(Service.class, RELEASE + "-metrics");
            assertThat(service.getSpec().getType()).isEqualTo("ClusterIP");
            assertThat(deployment(rendered).getSpec().getTemplate().getMetadata().getLabels())
                    .containsAllEntriesOf(service.getSpec().getSelector());
            assertThat(service.getSpec().getPorts()).singleElement().satisfies(p -> {
                assertThat(p.getName()).isEqualTo("http-metrics");
                assertThat(p.getPort()).isEqualTo(8080);
                assertThat(p.getTargetPort().getStrVal()).isEqualTo("http-metrics");
            });
        }
    }

    @Nested
    class NonDefaultValues {

        final Manifests rendered = render(t -> t.withValuesFile(ROOT.resolve(NON_DEFAULT_VALUES)));

        @Test
        void rendersRolesPerWatchedNamespaceALeaseRoleAndAServiceMonitorButNoClusterWideOperatorRole() {
            assertThat(rendered.kindsAndNames()).containsExactlyInAnyOrder(
                    "ServiceAccount/" + RELEASE,
                    "Role/" + RELEASE,
                    "Role/" + RELEASE,
                    "RoleBinding/" + RELEASE,
                    "RoleBinding/" + RELEASE,
                    "Role/" + RELEASE + "-leader-election",
                    "RoleBinding/" + RELEASE + "-leader-election",
                    "ClusterRole/" + RELEASE + "-accounts",
                    "ClusterRoleBinding/" + RELEASE + "-accounts",
                    "ClusterRole/" + RELEASE + "-editor",
                    "ClusterRole/" + RELEASE + "-viewer",
                    "Deployment/" + RELEASE,
                    "Service/" + RELEASE + "-metrics",
                    "ServiceMonitor/" + RELEASE,
                    "PodDisruptionBudget/" + RELEASE);
        }

        @Test
        void twoReplicasGetADisruptionBudgetThatKeepsOneOperatorThroughADrain() {
            PodDisruptionBudget budget = rendered.get(PodDisruptionBudget.class, RELEASE);
            assertThat(budget.getMetadata().getNamespace()).isEqualTo(NAMESPACE);
            assertThat(budget.getSpec().getMinAvailable().getIntVal()).isEqualTo(1);
            assertThat(budget.getSpec().getSelector().getMatchLabels())
                    .isEqualTo(deployment(rendered).getSpec().getSelector().getMatchLabels());
        }

        @Test
        void eachWatchedNamespaceGetsTheLeastPrivilegeRulesAsARoleBoundToTheServiceAccount() {
            Map<String, Role> roles = rendered.ofType(Role.class).stream()
                    .filter(r -> r.getMetadata().getName().equals(RELEASE))
                    .collect(Collectors.toMap(r -> r.getMetadata().getNamespace(), r -> r));
            assertThat(roles).containsOnlyKeys("team-a", "team-b");
            roles.values().forEach(role -> assertThat(LeastPrivilege.expand(role.getRules()))
                    .containsExactlyElementsOf(LeastPrivilege.MANAGER));
            Map<String, RoleBinding> bindings = rendered.ofType(RoleBinding.class).stream()
                    .filter(r -> r.getMetadata().getName().equals(RELEASE))
                    .collect(Collectors.toMap(r -> r.getMetadata().getNamespace(), r -> r));
            assertThat(bindings).containsOnlyKeys("team-a", "team-b");
            bindings.values().forEach(binding -> {
                assertThat(binding.getRoleRef().getKind()).isEqualTo("Role");
                assertThat(binding.getRoleRef().getName()).isEqualTo(RELEASE);
                assertThat(binding.getSubjects()).singleElement().satisfies(s -> {
                    assertThat(s.getName()).isEqualTo(RELEASE);
                    assertThat(s.getNamespace()).isEqualTo(NAMESPACE);
                });
            });
        }

        @Test
        void twoReplicasTurnLeaderElectionOnWithALeaseRoleInTheReleaseNamespaceAndRollingUpdates() {
            Deployment deployment = deployment(rendered);
            assertThat(deployment.getSpec().getReplicas()).isEqualTo(2);
            assertThat(deployment.getSpec().getStrategy().getType()).isEqualTo("RollingUpdate");
            assertThat(value(manager(rendered), "LEADER_ELECTION")).contains("true");
            assertThat(PodAssertions.env(manager(rendered))).doesNotContainKey("LEADER_ELECTION_NAMESPACE");

            Role lease = rendered.get(Role.class, RELEASE + "-leader-election");
            assertThat(lease.getMetadata().getNamespace()).isEqualTo(NAMESPACE);
            assertThat(LeastPrivilege.expand(lease.getRules())).containsExactlyElementsOf(LeastPrivilege.LEADER_ELECTION);
            RoleBinding binding = rendered.get(RoleBinding.class, RELEASE + "-leader-election");
            assertThat(binding.getMetadata().getNamespace()).isEqualTo(NAMESPACE);
            assertThat(binding.getRoleRef().getName()).isEqualTo(RELEASE + "-leader-election");
        }

        @Test
        void theEnvironmentCarriesTheValuesAndTheExistingCredentialsSecretWhichMustExist() {
            Container manager = manager(rendered);
            assertThat(value(manager, "WATCH_NAMESPACES")).contains("team-a,team-b");
            assertThat(value(manager, "TRTC_ENDPOINT")).contains("trtc.intl.tencentcloudapi.com");
            assertThat(value(manager, "TRTC_REGION")).contains("ap-singapore");
            assertThat(value(manager, "TRTC_RATE_LIMIT")).contains("10");
            assertThat(value(manager, "TRTC_POLL_INTERVAL")).contains("1m");
            assertThat(value(manager, "RECONCILE_THREADS")).contains("4");
            assertThat(value(manager, "LOG_LEVEL")).contains("DEBUG");
            PodAssertions.assertPodNamespaceFromDownwardApi(manager);
            PodAssertions.assertSecretKeyRef(manager, "TENCENTCLOUD_SECRET_ID", "trtc-default-credentials", "secretId", false);
            PodAssertions.assertSecretKeyRef(manager, "TENCENTCLOUD_SECRET_KEY", "trtc-default-credentials", "secretKey", false);
            assertThat(rendered.ofType(Secret.class)).as("an existing Secret is not rendered").isEmpty();
        }

        @Test
        void thePodTakesTheImageDigestResourcesNodeSelectorAndTolerationsAndStaysHardened() {
            PodSpec pod = deployment(rendered).getSpec().getTemplate().getSpec();
            PodAssertions.assertRestricted(pod);
            Container manager = manager(rendered);
            PodAssertions.assertProbes(manager);
            assertThat(manager.getImage()).isEqualTo("registry.example.com/media/trtc-recording-operator"
                    + "@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef");
            assertThat(manager.getResources().getRequests())
                    .containsEntry("cpu", new Quantity("250m")).containsEntry("memory", new Quantity("384Mi"));
            assertThat(manager.getResources().getLimits())
                    .containsEntry("cpu", new Quantity("1")).containsEntry("memory", new Quantity("768Mi"));
            assertThat(pod.getNodeSelector()).containsOnly(
                    Map.entry("kubernetes.io/os", "linux"), Map.entry("node-role.example.com/media", "true"));
            assertThat(pod.getTolerations()).containsExactly(new Toleration("NoSchedule", "dedicated", "Equal", null, "media"));
        }

        @Test
        void theServiceMonitorScrapesTheMetricsServiceWithTheGivenLabels() {
            GenericKubernetesResource monitor = (GenericKubernetesResource) rendered.get("ServiceMonitor", RELEASE);
            assertThat(monitor.getApiVersion()).isEqualTo("monitoring.coreos.com/v1");
            assertThat(monitor.getMetadata().getNamespace()).isEqualTo(NAMESPACE);
            assertThat(monitor.getMetadata().getLabels()).containsEntry("release", "prometheus");
            JsonNode spec = new ObjectMapper().valueToTree(monitor.getAdditionalProperties().get("spec"));
            Service service = rendered.get(Service.class, RELEASE + "-metrics");
            assertThat(new ObjectMapper().convertValue(spec.at("/selector/matchLabels"), Map.class))
                    .isEqualTo(service.getSpec().getSelector());
            assertThat(spec.at("/namespaceSelector/matchNames/0").asText()).isEqualTo(NAMESPACE);
            assertThat(spec.at("/endpoints/0/port").asText()).isEqualTo("http-metrics");
            assertThat(spec.at("/endpoints/0/path").asText()).isEqualTo("/metrics");
            assertThat(spec.at("/endpoints/0/interval").asText()).isEqualTo("15s");
        }
    }

    @Test
    void credentialsGivenAsValuesBecomeAChartSecretThatRestartsThePodWhenItChanges() {
        Manifests rendered = render(t -> t.set("credentials.secretId", "AKIDfake").set("credentials.secretKey", "fake-key"));
        Secret secret = rendered.get(Secret.class, RELEASE + "-credentials");
        assertThat(secret.getMetadata().getNamespace()).isEqualTo(NAMESPACE);
        assertThat(decode(secret, "secretId")).isEqualTo("AKIDfake");
        assertThat(decode(secret, "secretKey")).isEqualTo("fake-key");
        Container manager = manager(rendered);
        PodAssertions.assertSecretKeyRef(manager, "TENCENTCLOUD_SECRET_ID", RELEASE + "-credentials", "secretId", false);
        PodAssertions.assertSecretKeyRef(manager, "TENCENTCLOUD_SECRET_KEY", RELEASE + "-credentials", "secretKey", false);
        String checksum = deployment(rendered).getSpec().getTemplate().getMetadata().getAnnotations().get("checksum/credentials");
        assertThat(checksum).hasSize(64);

        Manifests rotated = render(t -> t.set("credentials.secretId", "AKIDfake").set("credentials.secretKey", "other-key"));
        assertThat(deployment(rotated).getSpec().getTemplate().getMetadata().getAnnotations().get("checksum/credentials"))
                .isNotEqualTo(checksum);
    }

    @Test
    void leaderElectionCanBeForcedOnForOneReplicaWithTheLeaseInAnotherNamespace() {
        Manifests rendered = render(t -> t.set("leaderElection.enabled", true).set("leaderElection.namespace", "leases"));
        assertThat(value(manager(rendered), "LEADER_ELECTION")).contains("true");
        assertThat(value(manager(rendered), "LEADER_ELECTION_NAMESPACE")).contains("leases");
        assertThat(deployment(rendered).getSpec().getStrategy().getType()).isEqualTo("RollingUpdate");
        assertThat(rendered.get(Role.class, RELEASE + "-leader-election").getMetadata().getNamespace()).isEqualTo("leases");
    }

    @Test
    void callbacksAddTheReceiverPortItsServiceAndAnIngressForTheCallbackPathOnly() {
        Manifests rendered = render(t -> t.set("callbacks.enabled", true).set("credentials.existingSecret", "defaults")
                .set("callbacks.ingress.enabled", true).set("callbacks.ingress.host", "trtc-callbacks.example.com")
                .set("callbacks.ingress.tlsSecretName", "callbacks-tls").set("callbacks.ingress.className", "nginx"));
        Container manager = manager(rendered);
        assertThat(value(manager, "CALLBACK_PORT")).contains("8081");
        assertThat(manager.getEnv()).filteredOn(e -> e.getName().equals("TRTC_CALLBACK_KEY")).singleElement().satisfies(e -> {
            assertThat(e.getValueFrom().getSecretKeyRef().getName()).isEqualTo("defaults");
            assertThat(e.getValueFrom().getSecretKeyRef().getKey()).isEqualTo("callbackKey");
            assertThat(e.getValueFrom().getSecretKeyRef().getOptional()).isTrue();
        });
        assertThat(manager.getPorts()).anySatisfy(p -> {
            assertThat(p.getName()).isEqualTo("http-callback");
            assertThat(p.getContainerPort()).isEqualTo(8081);
        });
        io.fabric8.kubernetes.api.model.Service service = rendered.get(io.fabric8.kubernetes.api.model.Service.class, RELEASE + "-callbacks");
        assertThat(service.getSpec().getSelector()).isEqualTo(deployment(rendered).getSpec().getSelector().getMatchLabels());
        assertThat(service.getSpec().getPorts()).singleElement().satisfies(p -> {
            assertThat(p.getPort()).isEqualTo(8081);
            assertThat(p.getTargetPort().getStrVal()).isEqualTo("http-callback");
        });
        io.fabric8.kubernetes.api.model.networking.v1.Ingress ingress =
                rendered.get(io.fabric8.kubernetes.api.model.networking.v1.Ingress.class, RELEASE + "-callbacks");
        assertThat(ingress.getSpec().getIngressClassName()).isEqualTo("nginx");
        assertThat(ingress.getSpec().getTls()).singleElement().satisfies(tls -> {
            assertThat(tls.getSecretName()).isEqualTo("callbacks-tls");
            assertThat(tls.getHosts()).containsExactly("trtc-callbacks.example.com");
        });
        assertThat(ingress.getSpec().getRules()).singleElement().satisfies(rule -> {
            assertThat(rule.getHost()).isEqualTo("trtc-callbacks.example.com");
            assertThat(rule.getHttp().getPaths()).singleElement().satisfies(path -> {
                assertThat(path.getPath()).isEqualTo("/trtc/callback");
                assertThat(path.getPathType()).isEqualTo("Exact");
                assertThat(path.getBackend().getService().getName()).isEqualTo(RELEASE + "-callbacks");
                assertThat(path.getBackend().getService().getPort().getName()).isEqualTo("http-callback");
            });
        });
        assertThat(render(t -> { }).kindsAndNames()).as("off by default").noneMatch(n -> n.endsWith("-callbacks"));
        assertThatThrownBy(() -> render(t -> t.set("callbacks.enabled", true).set("callbacks.ingress.enabled", true)))
                .hasMessageContaining("callbacks.ingress.host is required");
    }

    @Test
    void leaderElectionTurnedOffWithSeveralReplicasIsRefused() {
        assertThatThrownBy(() -> render(t -> t.set("replicaCount", 3).set("leaderElection.enabled", false)))
                .hasMessageContaining("leaderElection.enabled=false with replicaCount > 1");
    }

    @Test
    void theSchemaRejectsWrongTypesUnknownKeysAndValuesTheOperatorWouldRefuse() {
        assertThatThrownBy(() -> render(t -> t.set("replicaCount", "two")))
                .hasMessageContaining("replicaCount");
        assertThatThrownBy(() -> render(t -> t.set("watchNamespaces", "team-a")))
                .hasMessageContaining("watchNamespaces");
        assertThatThrownBy(() -> render(t -> t.set("replicas", 2)))
                .hasMessageContaining("replicas");
        assertThatThrownBy(() -> render(t -> t.set("trtc.rateLimit", 50)))
                .hasMessageContaining("rateLimit");
        assertThatThrownBy(() -> render(t -> t.set("trtc.region", "eu-frankfurt")))
                .hasMessageContaining("region");
        assertThatThrownBy(() -> render(t -> t.set("trtc.pollInterval", "thirty seconds")))
                .hasMessageContaining("pollInterval");
        assertThatThrownBy(() -> render(t -> t.set("trtc.pollInterval", "2s")))
                .hasMessageContaining("pollInterval");
    }

    @Test
    void withoutRbacCreationNoRoleIsRendered() {
        Manifests rendered = render(t -> t.set("rbac.create", false).set("rbac.aggregateClusterRoles", false));
        assertThat(rendered.all()).extracting(HasMetadata::getKind)
                .doesNotContain("Role", "RoleBinding", "ClusterRole", "ClusterRoleBinding");
    }

    @Test
    void theChartShipsTheGeneratedCrdUnchanged() throws IOException {
        Path generated = ROOT.resolve("crds");
        Path shipped = CHART.resolve("files/crds");
        List<String> generatedFiles = yamlFiles(generated);
        assertThat(yamlFiles(shipped)).as("the build copies crds/*.yml into the chart's files/crds/; delete stale copies")
                .containsExactlyElementsOf(generatedFiles);
        for (String file : generatedFiles) {
            assertThat(Files.readString(shipped.resolve(file)))
                    .as("charts/trtc-recording-operator/files/crds/%s differs from crds/%s: run the build", file, file)
                    .isEqualTo(Files.readString(generated.resolve(file)));
        }
        assertThat(CHART.resolve("crds")).as("a crds/ folder would make helm install them once and never upgrade them")
                .doesNotExist();
    }

    @Test
    void theCrdsAreRenderedAsTheGeneratedOnesKeptOnUninstallAndCanBeLeftOut() throws IOException {
        Manifests rendered = render(t -> { });
        List<HasMetadata> crds = rendered.all().stream().filter(HelmChartTest::isCrd).toList();
        for (String file : yamlFiles(ROOT.resolve("crds"))) {
            HasMetadata generated = Manifests.parse(Files.readString(ROOT.resolve("crds").resolve(file))).all().get(0);
            HasMetadata shipped = crds.stream().filter(c -> c.getMetadata().getName().equals(generated.getMetadata().getName()))
                    .findFirst().orElseThrow(() -> new AssertionError("the chart does not render " + file));
            assertThat(shipped.getMetadata().getAnnotations()).containsEntry("helm.sh/resource-policy", "keep");
            assertThat(shipped.getMetadata().getLabels()).containsEntry("app.kubernetes.io/managed-by", "Helm");
            assertThat(Manifests.YAML.valueToTree(shipped).path("spec"))
                    .as("%s: the rendered spec is the generated one", file)
                    .isEqualTo(Manifests.YAML.valueToTree(generated).path("spec"));
        }
        assertThat(crds).hasSize(yamlFiles(ROOT.resolve("crds")).size());
        assertThat(render(t -> t.set("crds.install", false)).all()).noneMatch(HelmChartTest::isCrd);
    }

    static boolean isCrd(HasMetadata o) {
        return "CustomResourceDefinition".equals(o.getKind());
    }

    @Test
    void everyChartValueIsDocumentedAboveItsKeyAndTypedInTheSchema() throws IOException {
        JsonNode schema = new ObjectMapper().readTree(CHART.resolve("values.schema.json").toFile());
        List<String> lines = Files.readAllLines(CHART.resolve("values.yaml"), StandardCharsets.UTF_8);
        Deque<String[]> stack = new ArrayDeque<>();
        List<String> undocumented = new ArrayList<>();
        List<String> untyped = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            java.util.regex.Matcher key = java.util.regex.Pattern.compile("^( *)([A-Za-z][A-Za-z0-9]*):").matcher(lines.get(i));
            if (!key.find()) {
                continue;
            }
            int indent = key.group(1).length();
            while (!stack.isEmpty() && Integer.parseInt(stack.peek()[1]) >= indent) {
                stack.pop();
            }
            List<String> path = new ArrayList<>();
            stack.descendingIterator().forEachRemaining(p -> path.add(p[0]));
            path.add(key.group(2));
            stack.push(new String[] {key.group(2), String.valueOf(indent)});

            JsonNode parent = schemaAt(schema, schema, path.subList(0, path.size() - 1));
            if (parent == null || !parent.has("properties")) {
                continue;
            }
            if (!parent.path("properties").has(key.group(2))) {
                untyped.add(String.join(".", path));
            }
            boolean kubernetesField = Stream.of("resources", "livenessProbe", "readinessProbe").anyMatch(path.get(0)::equals)
                    && path.size() > 1;
            boolean grouped = lines.get(i).trim().endsWith(":") && !kubernetesField;
            boolean commented = i > 0 && lines.get(i - 1).trim().startsWith("#");
            if (!commented && !kubernetesField && !grouped) {
                undocumented.add(String.join(".", path));
            }
        }
        assertThat(undocumented).as("values without a comment above them").isEmpty();
        assertThat(untyped).as("values missing from values.schema.json").isEmpty();
        schema.path("properties").fieldNames().forEachRemaining(name -> {
            if (!name.equals("global")) {
                assertThat(lines).as("values.yaml has a default for " + name).anyMatch(l -> l.startsWith(name + ":"));
            }
        });
    }

    private static JsonNode schemaAt(JsonNode root, JsonNode node, List<String> path) {
        JsonNode current = resolve(root, node);
        for (String name : path) {
            if (current == null) {
                return null;
            }
            JsonNode next = current.path("properties").get(name);
            current = next == null ? null : resolve(root, next);
        }
        return current;
    }

    private static JsonNode resolve(JsonNode root, JsonNode node) {
        if (node.has("$ref")) {
            return root.at(node.get("$ref").asText().substring(1));
        }
        return node;
    }

    private static List<String> yamlFiles(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(f -> f.getFileName().toString())
                    .filter(f -> f.endsWith(".yml") || f.endsWith(".yaml"))
                    .filter(f -> !f.equals("kustomization.yaml"))
                    .sorted().collect(Collectors.toList());
        }
    }

    private static String decode(Secret secret, String key) {
        return new String(Base64.getDecoder().decode(secret.getData().get(key)), StandardCharsets.UTF_8);
    }
}
