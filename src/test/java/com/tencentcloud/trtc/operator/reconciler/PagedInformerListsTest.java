package com.tencentcloud.trtc.operator.reconciler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.tencentcloud.trtc.operator.app.OperatorAssembly;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.mockwebserver.http.RecordedRequest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Every informer of the production assembly lists in pages, so that a start does not parse all resources of a kind
 * in one response (issue 22: 10,000 CloudRecordings in one 30 MB list did not fit the image's heap).
 */
@EnableKubernetesMockClient(crud = true)
class PagedInformerListsTest {

    KubernetesClient client;
    KubernetesMockServer server;

    private OperatorAssembly operator;

    @BeforeEach
    void setUp() throws Exception {
        OperatorHarness.installCrd(client);
    }

    @AfterEach
    void tearDown() {
        if (operator != null) {
            operator.close();
        }
    }

    @Test
    void everyInformerListAsksForAPageNotEverything() throws Exception {
        operator = OperatorAssembly.assemble(OperatorHarness.config(Map.of()), client, WiringFixtures.answeringFake(),
                WiringFixtures.testTuning(null, () -> { })).start(0);
        await().atMost(Duration.ofSeconds(30)).until(operator::ready);

        List<String> lists = new ArrayList<>();
        await().atMost(Duration.ofSeconds(20)).until(() -> {
            RecordedRequest request;
            while ((request = server.takeRequest(10, TimeUnit.MILLISECONDS)) != null) {
                String path = request.getPath();
                if ("GET".equals(request.getMethod()) && !path.contains("watch=true")
                        && (path.contains("/cloudrecordings") || path.contains("/cloudrecordingschedules") || path.contains("/secrets"))) {
                    lists.add(path);
                }
            }
            return lists.stream().anyMatch(p -> p.contains("/cloudrecordings?") && p.contains("labelSelector"));
        });

        assertThat(lists).as("the informers' first lists").hasSizeGreaterThanOrEqualTo(4)
                .allSatisfy(path -> assertThat(path).contains("limit=" + OperatorConfig.INFORMER_LIST_LIMIT));
        assertThat(lists).anyMatch(p -> p.contains("/cloudrecordings?")).anyMatch(p -> p.contains("/secrets?"))
                .anyMatch(p -> p.contains("/cloudrecordingschedules?"))
                .anyMatch(p -> p.contains("/cloudrecordings?") && p.contains("labelSelector"));
    }
}
