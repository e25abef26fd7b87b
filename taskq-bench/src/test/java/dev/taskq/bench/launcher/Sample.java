package dev.taskq.bench.launcher;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.util.Map;

/**
 * One measurement: which workload, which system, the variant (threads or concurrency, 0 if none), the
 * repetition, what the server answered and, for drains, how the database counters moved.
 */
record Sample(String workload, String system, int variant, int repetition, JsonObject result, Map<String, Long> counters) {

    /** A number of the result; a dotted name reads a nested object, e.g. {@code enqueue.perSecond}. */
    double number(String name) {
        JsonObject object = result;
        String[] path = name.split("\\.");
        for (int i = 0; i < path.length - 1; i++) {
            object = object.getJsonObject(path[i]);
        }
        JsonValue value = object.get(path[path.length - 1]);
        return value == null ? Double.NaN : object.getJsonNumber(path[path.length - 1]).doubleValue();
    }
}
