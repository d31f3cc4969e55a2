package dev.callscribe.it.deploy;

import static dev.callscribe.it.deploy.HelmRendering.CHART;
import static dev.callscribe.it.deploy.HelmRendering.DEFAULTS;
import static dev.callscribe.it.deploy.HelmRendering.EVERY_OPTION;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Metrics in the rendered chart: the optional Prometheus-operator ServiceMonitor over the roles' metrics Services,
 * and the Grafana dashboard ConfigMap. The dashboard's JSON ({@code dashboards/callscribe.json}) is written apart
 * from the chart; where it is not there yet, the test of its content is skipped.
 */
class HelmChartMonitoringTest {

    private static final Path DASHBOARD = CHART.resolve("dashboards/callscribe.json");

    @Test
    void shouldScrapeEveryRoleWithAServiceMonitorWhenAskedTo() throws IOException {
        // Given a ServiceMonitor asked for, with the label a Prometheus selects by, and the default (none)
        HelmRendering rendering = HelmRendering.of(EVERY_OPTION);
        JsonNode monitor = rendering.get("ServiceMonitor", "callscribe");

        // Then it scrapes /metrics on the port named metrics, every 15 s, and carries the label
        assertThat(monitor.at("/metadata/labels/release").asText()).isEqualTo("kube-prometheus-stack");
        assertThat(monitor.at("/spec/endpoints/0/port").asText()).isEqualTo("metrics");
        assertThat(monitor.at("/spec/endpoints/0/path").asText()).isEqualTo("/metrics");
        assertThat(monitor.at("/spec/endpoints/0/interval").asText()).isEqualTo("15s");
        // of the three roles' Services, which its selector matches
        JsonNode selector = monitor.at("/spec/selector/matchLabels");
        List<JsonNode> selected = rendering.all("Service").stream()
                .filter(service -> matches(selector, service.at("/metadata/labels")))
                .toList();
        assertThat(selected).extracting(service -> service.at("/metadata/name").asText())
                .containsExactlyInAnyOrder("callscribe-segmenter", "callscribe-transcriber", "callscribe-stitcher");
        assertThat(HelmRendering.of(DEFAULTS).all("ServiceMonitor")).isEmpty();
    }

    @Test
    void shouldShipTheGrafanaDashboardForGrafanasSidecar() throws IOException {
        // Given the chart's dashboard, when it is there
        List<JsonNode> dashboards = HelmRendering.of(DEFAULTS).all("ConfigMap").stream()
                .filter(configMap -> configMap.at("/metadata/labels/grafana_dashboard").asText().equals("1"))
                .toList();
        if (!Files.exists(DASHBOARD)) {
            assertThat(dashboards).as("no dashboard ConfigMap without " + DASHBOARD).isEmpty();
        }
        assumeTrue(Files.exists(DASHBOARD), DASHBOARD + " is not there yet: its content is not checked");

        // Then one ConfigMap labelled for Grafana's sidecar carries it unchanged
        assertThat(dashboards).hasSize(1);
        assertThat(dashboards.get(0).at("/data/callscribe.json").asText()).isEqualTo(Files.readString(DASHBOARD));
        assertThat(HelmRendering.of(EVERY_OPTION).get("ConfigMap", "callscribe-dashboard")
                .at("/metadata/annotations/grafana_folder").asText()).isEqualTo("callscribe");
    }

    /** Whether a non-empty matchLabels selector selects an object with these labels. */
    private static boolean matches(JsonNode selector, JsonNode labels) {
        List<Map.Entry<String, JsonNode>> wanted = new ArrayList<>();
        wanted.addAll(selector.properties());
        return !wanted.isEmpty() && wanted.stream()
                .allMatch(label -> labels.path(label.getKey()).equals(label.getValue()));
    }
}
