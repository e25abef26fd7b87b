package dev.taskq.it.arguments;

import dev.taskq.Task;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/** Tasks that keep the arguments they received, by key, for the test to compare. */
@ApplicationScoped
public class ArgumentTasks {

    static final Map<String, List<Object>> RECEIVED = new ConcurrentHashMap<>();

    @Task
    public void everyType(String key, int number, long big, boolean flag, String text, Instant instant, LocalDate date,
                          UUID uuid, List<Long> longs, Map<String, Integer> counts, Point point) {
        RECEIVED.put(key, Arrays.asList(number, big, flag, text, instant, date, uuid, longs, counts, point));
    }

    @Task
    public void nullable(String key, String text, Point point, List<Long> longs, Instant instant) {
        RECEIVED.put(key, Arrays.asList(text, point, longs, instant));
    }
}
