package dev.taskq.cdi.internal;

import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.eclipse.microprofile.config.Config;

/**
 * taskq's configuration, read once from MicroProfile Config and checked as a whole: every bad key
 * is reported, with its value and what is allowed. Keys and defaults live here and nowhere else.
 */
public final class TaskqConfig {

    /** {@code false} makes the node enqueue-only. Default {@code true}. */
    public static final String WORKER_ENABLED = "taskq.worker.enabled";
    /** The queues this node works on, comma-separated, none empty. Default {@code default}. */
    public static final String QUEUES = "taskq.queues";
    /** Tasks run at once per queue, {@code >= 1}. Default 4. {@code taskq.queue.<name>.concurrency} overrides per queue. */
    public static final String CONCURRENCY = "taskq.concurrency";
    /** The longest a due task waits when no wake-up arrives. Default 1s, at least 1ms. */
    public static final String POLL_INTERVAL = "taskq.poll-interval";
    /** How often running tasks prove they are alive. Default 1s, at least 1ms. */
    public static final String HEARTBEAT_INTERVAL = "taskq.heartbeat-interval";
    /** A started task whose heartbeat is older than this is dirty. Default 5s; more than the heartbeat interval. */
    public static final String DIRTY_AFTER = "taskq.dirty-after";
    /** How long a stopping node waits for running tasks. Default 30s. */
    public static final String SHUTDOWN_TIMEOUT = "taskq.shutdown-timeout";
    /** Run tasks at once in the caller's thread (for tests). Default false. */
    public static final String EAGER = "taskq.eager";
    /** In eager mode, let the task's exception reach the caller. Default false. */
    public static final String EAGER_PROPAGATES = "taskq.eager.propagates";
    /** JNDI name of the ManagedExecutorService the workers run on. */
    public static final String EXECUTOR = "taskq.executor";
    /** JNDI name of the datasource of the task table: the application's, so enqueue commits with its data. */
    public static final String DATASOURCE = "taskq.datasource";
    /** The ManagedThreadFactory whose threads run taskq's long-lived loops. */
    public static final String THREAD_FACTORY = "taskq.thread-factory";
    /** {@code false} if the team applies taskq's migrations itself (they ship in taskq-jpa under db/taskq/migration). Default true. */
    public static final String MIGRATE = "taskq.migrate";
    /** Readiness is DOWN when more tasks than this are dirty. Default: never DOWN for dirty tasks alone. */
    public static final String HEALTH_MAX_DIRTY = "taskq.health.max-dirty";
    /** This node's name, stored on the tasks it claims. Default host name and process id. */
    public static final String NODE = "taskq.node";
    /** Enqueue commits send a PostgreSQL NOTIFY, and workers LISTEN for them, so every node wakes at once. */
    public static final String NOTIFY = "taskq.notify";
    /**
     * How a successful task's row is removed: {@code atomic} (default) deletes it in the task's own transaction;
     * {@code batched} commits the call alone and deletes finished rows in batches a few milliseconds later (see
     * {@link Completion}). {@code taskq.queue.<name>.completion} overrides per queue.
     */
    public static final String COMPLETION = "taskq.completion";

    public static final Duration DEFAULT_POLL_INTERVAL = Duration.ofSeconds(1);
    public static final Duration DEFAULT_HEARTBEAT_INTERVAL = Duration.ofSeconds(1);
    public static final Duration DEFAULT_DIRTY_AFTER = Duration.ofSeconds(5);
    public static final Duration DEFAULT_SHUTDOWN_TIMEOUT = Duration.ofSeconds(30);
    public static final int DEFAULT_CONCURRENCY = 4;
    public static final String DEFAULT_EXECUTOR = "java:comp/DefaultManagedExecutorService";
    public static final String DEFAULT_DATASOURCE = "java:comp/DefaultDataSource";
    public static final String DEFAULT_THREAD_FACTORY = "java:comp/DefaultManagedThreadFactory";

    private final boolean workerEnabled;
    private final Map<String, Integer> concurrencyByQueue;
    private final Duration pollInterval;
    private final Duration heartbeatInterval;
    private final Duration dirtyAfter;
    private final Duration shutdownTimeout;
    private final boolean eager;
    private final boolean eagerPropagates;
    private final String executor;
    private final String dataSource;
    private final String threadFactory;
    private final boolean migrate;
    private final boolean notify;
    private final String node;
    private final OptionalLong healthMaxDirty;
    private final Completion completion;
    private final Map<String, Completion> completionByQueue;

    private TaskqConfig(Reader reader) {
        workerEnabled = reader.bool(WORKER_ENABLED, true);
        concurrencyByQueue = reader.queues();
        completion = reader.completion(COMPLETION, Completion.ATOMIC);
        Map<String, Completion> completions = new LinkedHashMap<>();
        concurrencyByQueue.keySet().forEach(queue -> completions.put(queue, reader.completion("taskq.queue." + queue + ".completion", completion)));
        completionByQueue = Collections.unmodifiableMap(completions);
        pollInterval = reader.positiveDuration(POLL_INTERVAL, DEFAULT_POLL_INTERVAL);
        heartbeatInterval = reader.positiveDuration(HEARTBEAT_INTERVAL, DEFAULT_HEARTBEAT_INTERVAL);
        dirtyAfter = reader.positiveDuration(DIRTY_AFTER, DEFAULT_DIRTY_AFTER);
        shutdownTimeout = reader.duration(SHUTDOWN_TIMEOUT, DEFAULT_SHUTDOWN_TIMEOUT);
        eager = reader.bool(EAGER, false);
        eagerPropagates = reader.bool(EAGER_PROPAGATES, false);
        executor = reader.text(EXECUTOR, DEFAULT_EXECUTOR);
        dataSource = reader.text(DATASOURCE, DEFAULT_DATASOURCE);
        threadFactory = reader.text(THREAD_FACTORY, DEFAULT_THREAD_FACTORY);
        migrate = reader.bool(MIGRATE, true);
        notify = reader.bool(NOTIFY, true);
        node = reader.text(NODE, defaultNodeName());
        healthMaxDirty = reader.raw(HEALTH_MAX_DIRTY).isPresent()
                ? OptionalLong.of(reader.nonNegativeLong(HEALTH_MAX_DIRTY)) : OptionalLong.empty();
        if (dirtyAfter.compareTo(heartbeatInterval) <= 0) {
            reader.problems.add(TaskqMessages.invalidConfig(DIRTY_AFTER, dirtyAfter.toString(),
                    "must be longer than " + HEARTBEAT_INTERVAL + " (" + heartbeatInterval + "), or every running task looks dirty"));
        }
    }

    /**
     * Reads and checks the configuration.
     *
     * @throws IllegalArgumentException listing every invalid key, its value and what is allowed
     */
    public static TaskqConfig from(Config config) {
        Reader reader = new Reader(config);
        TaskqConfig taskqConfig = new TaskqConfig(reader);
        if (!reader.problems.isEmpty()) {
            throw new IllegalArgumentException(String.join("\n", reader.problems));
        }
        return taskqConfig;
    }

    public boolean workerEnabled() { return workerEnabled; }
    /** The queues this node works on, in configured order, with their concurrency. */
    public Map<String, Integer> concurrencyByQueue() { return concurrencyByQueue; }
    public Duration pollInterval() { return pollInterval; }
    public Duration heartbeatInterval() { return heartbeatInterval; }
    public Duration dirtyAfter() { return dirtyAfter; }
    public Duration shutdownTimeout() { return shutdownTimeout; }
    public boolean eager() { return eager; }
    public boolean eagerPropagates() { return eagerPropagates; }
    public String executor() { return executor; }
    public String dataSource() { return dataSource; }
    public String threadFactory() { return threadFactory; }
    public boolean migrate() { return migrate; }
    public boolean notifyEnabled() { return notify; }
    public String node() { return node; }
    public OptionalLong healthMaxDirty() { return healthMaxDirty; }
    /** The completion mode of a queue's successful tasks: its {@code taskq.queue.<name>.completion}, else {@code taskq.completion}. */
    public Completion completion(String queue) { return completionByQueue.getOrDefault(queue, completion); }

    private static String defaultNodeName() {
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            host = "unknown-host";
        }
        return host + "-" + ManagementFactory.getRuntimeMXBean().getPid();
    }

    /** Reads raw strings so that errors can quote exactly what the user wrote. */
    private static final class Reader {

        private final Config config;
        private final List<String> problems = new ArrayList<>();

        Reader(Config config) {
            this.config = config;
        }

        Optional<String> raw(String key) {
            return config.getOptionalValue(key, String.class);
        }

        String text(String key, String fallback) {
            String value = raw(key).map(String::strip).orElse(fallback);
            if (value.isEmpty()) {
                problems.add(TaskqMessages.invalidConfig(key, "''", "must not be empty"));
                return fallback;
            }
            return value;
        }

        boolean bool(String key, boolean fallback) {
            Optional<String> value = raw(key).map(String::strip);
            if (value.isEmpty()) {
                return fallback;
            }
            if (value.get().equalsIgnoreCase("true") || value.get().equalsIgnoreCase("false")) {
                return Boolean.parseBoolean(value.get());
            }
            problems.add(TaskqMessages.invalidConfig(key, value.get(), "must be true or false"));
            return fallback;
        }

        Duration duration(String key, Duration fallback) {
            Optional<String> value = raw(key);
            if (value.isEmpty()) {
                return fallback;
            }
            try {
                Duration duration = DurationFormat.parse(value.get());
                if (duration.isNegative()) {
                    problems.add(TaskqMessages.invalidConfig(key, value.get(), "must not be negative"));
                    return fallback;
                }
                return duration;
            } catch (IllegalArgumentException e) {
                problems.add(TaskqMessages.invalidConfig(key, value.get(), "must be " + DurationFormat.ALLOWED));
                return fallback;
            }
        }

        /** A duration of at least 1ms: zero would make a loop spin. */
        Duration positiveDuration(String key, Duration fallback) {
            Duration duration = duration(key, fallback);
            if (duration.isZero()) {
                problems.add(TaskqMessages.invalidConfig(key, raw(key).orElse(""), "must be at least 1ms"));
                return fallback;
            }
            return duration;
        }

        Completion completion(String key, Completion fallback) {
            Optional<String> value = raw(key).map(String::strip);
            if (value.isEmpty()) {
                return fallback;
            }
            return Completion.parse(value.get()).orElseGet(() -> {
                problems.add(TaskqMessages.invalidConfig(key, value.get(), "must be " + Completion.ALLOWED));
                return fallback;
            });
        }

        long nonNegativeLong(String key) {
            String value = raw(key).orElse("").strip();
            try {
                long number = Long.parseLong(value);
                if (number >= 0) {
                    return number;
                }
            } catch (NumberFormatException e) {
                // reported below
            }
            problems.add(TaskqMessages.invalidConfig(key, value, "must be a whole number >= 0"));
            return 0;
        }

        int positiveInt(String key, int fallback) {
            Optional<String> value = raw(key).map(String::strip);
            if (value.isEmpty()) {
                return fallback;
            }
            try {
                int number = Integer.parseInt(value.get());
                if (number >= 1) {
                    return number;
                }
            } catch (NumberFormatException e) {
                // reported below
            }
            problems.add(TaskqMessages.invalidConfig(key, value.get(), "must be a whole number >= 1"));
            return fallback;
        }

        Map<String, Integer> queues() {
            String value = raw(QUEUES).orElse("default");
            int concurrency = positiveInt(CONCURRENCY, DEFAULT_CONCURRENCY);
            Map<String, Integer> queues = new LinkedHashMap<>();
            List<String> names = Arrays.stream(value.split(",", -1)).map(String::strip).toList();
            if (names.stream().anyMatch(String::isEmpty)) {
                problems.add(TaskqMessages.invalidConfig(QUEUES, "'" + value + "'",
                        "queue names must not be empty; write them comma-separated, e.g. default,mail"));
            }
            for (String name : names) {
                if (!name.isEmpty()) {
                    queues.put(name, positiveInt("taskq.queue." + name + ".concurrency", concurrency));
                }
            }
            return Collections.unmodifiableMap(queues);
        }
    }
}
