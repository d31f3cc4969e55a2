package dev.callscribe.it.connect;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/**
 * What {@code GET /connectors/{name}/status} says: the connector's state and each task's, with the stack trace
 * Connect keeps for a failed one.
 *
 * @param name  the connector
 * @param state RUNNING, PAUSED, STOPPED, FAILED, RESTARTING or UNASSIGNED
 * @param trace the connector's failure, or null
 * @param tasks its tasks, by id
 */
public record ConnectorStatus(String name, String state, String trace, List<Task> tasks) {

    /** One task's state. */
    public record Task(int id, String state, String trace) {
    }

    static ConnectorStatus of(JsonNode json) {
        List<Task> tasks = new ArrayList<>();
        json.path("tasks").forEach(task -> tasks.add(new Task(task.path("id").asInt(), task.path("state").asText(),
                task.path("trace").asText(null))));
        JsonNode connector = json.path("connector");
        return new ConnectorStatus(json.path("name").asText(), connector.path("state").asText(),
                connector.path("trace").asText(null), List.copyOf(tasks));
    }

    /** Whether the connector and exactly {@code taskCount} tasks are RUNNING. */
    public boolean isRunning(int taskCount) {
        return "RUNNING".equals(state) && tasks.size() == taskCount
                && tasks.stream().allMatch(task -> "RUNNING".equals(task.state()));
    }

    /** Whether the connector or any task FAILED. */
    public boolean hasFailed() {
        return "FAILED".equals(state) || tasks.stream().anyMatch(task -> "FAILED".equals(task.state()));
    }
}
