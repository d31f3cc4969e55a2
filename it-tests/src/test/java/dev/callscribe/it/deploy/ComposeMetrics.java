package dev.callscribe.it.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Metric names on both sides of the dashboard: those a callscribe process serves at {@code /metrics} (Prometheus text
 * format) and those the Grafana dashboard's PromQL queries read.
 */
final class ComposeMetrics {

    /** The families a callscribe process serves: its own meters, its Kafka clients', the JVM's and the process's. */
    private static final Pattern METRIC_NAME = Pattern.compile(
            "\\b(?:callscribe|kafka|jvm|process|system)_[a-z0-9_]*[a-z0-9]\\b");
    /** A metric with label matchers: {@code name{label="value", other=~"re"}}. */
    private static final Pattern SELECTOR = Pattern.compile("\\b([a-z_][a-z0-9_]*)\\{([^}]*)}");
    /** An equality matcher ({@code label="value"}), not {@code =~}, {@code !=} or {@code !~}. */
    private static final Pattern EQUALITY = Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)\\s*=\\s*(\"[^\"]*\")");
    private static final Pattern QUOTED = Pattern.compile("\"(?:[^\"\\\\]|\\\\.)*\"");
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private ComposeMetrics() {
    }

    /** The metric names in a Prometheus text exposition: the first word of every sample line. */
    static Set<String> servedNames(String exposition) {
        Set<String> names = new TreeSet<>();
        exposition.lines()
                .filter(line -> !line.isBlank() && !line.startsWith("#"))
                .map(line -> line.split("[{\\s]", 2)[0])
                .forEach(names::add);
        return names;
    }

    /** {@code GET http://127.0.0.1:PORT/metrics}; empty when the process does not answer. */
    static String scrape(int port) {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/metrics"))
                .timeout(Duration.ofSeconds(10)).build();
        try {
            HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            return response.statusCode() == 200 ? response.body() : "";
        } catch (IOException e) {
            return "";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted scraping port " + port, e);
        }
    }

    /** Each panel's title and its PromQL expressions, one per line, in panel order. */
    static Map<String, String> queriesByPanelTitle(JsonNode dashboard) {
        Map<String, String> queries = new LinkedHashMap<>();
        dashboard.path("panels").forEach(panel -> {
            List<String> expressions = new ArrayList<>();
            panel.path("targets").forEach(target -> expressions.add(target.path("expr").asText()));
            queries.put(panel.path("title").asText(), String.join("\n", expressions));
        });
        return queries;
    }

    /** Every PromQL expression of the dashboard's panels. */
    static List<String> expressions(JsonNode dashboard) {
        List<String> expressions = new ArrayList<>();
        dashboard.path("panels").forEach(panel -> panel.path("targets")
                .forEach(target -> expressions.add(target.path("expr").asText())));
        return expressions;
    }

    /**
     * The metric names a PromQL expression reads: identifiers of the families callscribe serves, outside quoted
     * label values ({@code rate(callscribe_audio_in_seconds_total[5m])} reads callscribe_audio_in_seconds_total).
     */
    static Set<String> queriedNames(String expression) {
        Set<String> names = new TreeSet<>();
        Matcher matcher = METRIC_NAME.matcher(QUOTED.matcher(expression).replaceAll("\"\""));
        while (matcher.find()) {
            names.add(matcher.group());
        }
        return names;
    }

    /**
     * The selectors of the expressions whose equality matchers no served sample satisfies
     * ({@code records_lag_max{role="transcriber"}} when no sample of that metric carries {@code role="transcriber"}):
     * a query that would show nothing although the metric exists. Selectors of metrics not served at all are left
     * to {@link #servedNames}.
     */
    static List<String> unmatchedSelectors(List<String> expressions, String exposition) {
        Set<String> served = servedNames(exposition);
        List<String> unmatched = new ArrayList<>();
        for (String expression : expressions) {
            Matcher selector = SELECTOR.matcher(expression);
            while (selector.find()) {
                List<String> equalities = equalities(selector.group(2));
                String name = selector.group(1);
                boolean matched = exposition.lines().anyMatch(line -> line.startsWith(name + "{")
                        && equalities.stream().allMatch(line::contains));
                if (served.contains(name) && !equalities.isEmpty() && !matched) {
                    unmatched.add(selector.group());
                }
            }
        }
        return unmatched;
    }

    private static List<String> equalities(String matchers) {
        List<String> equalities = new ArrayList<>();
        Matcher equality = EQUALITY.matcher(matchers);
        while (equality.find()) {
            equalities.add(equality.group(1) + "=" + equality.group(2));
        }
        return equalities;
    }
}
