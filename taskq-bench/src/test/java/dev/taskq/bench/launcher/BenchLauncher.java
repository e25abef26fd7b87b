package dev.taskq.bench.launcher;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.io.IOException;
import java.net.BindException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Predicate;

/**
 * Runs the whole benchmark with one command: creates a fresh database, starts the benchmark's Liberty
 * server on it, asks the WAR to run every measurement (each system in turn, repeated), prints the tables
 * with taskq/db-scheduler ratios, writes them with the raw results and the chart to {@code bench.out},
 * stops the server and drops the database.
 *
 * <p>Started by {@code mvn -B -Pbench -pl taskq-bench -am -DskipTests verify} (exec:java on the test
 * classpath); the build passes its settings as system properties (see the module's pom.xml).
 */
public final class BenchLauncher {

    /** the drains' concurrencies ({@code -Dbench.concurrencies=32} measures one); the WAR serves 4, 16 and 32 */
    private static final List<Integer> CONCURRENCIES = java.util.Arrays.stream(System.getProperty("bench.concurrencies", "4,16,32")
            .split(",")).map(String::trim).map(Integer::valueOf).toList();
    private static final String TASKQ = "taskq";
    private static final String TASKQ_BATCHED = "taskq-batched";
    private static final String DB_SCHEDULER = "db-scheduler";
    /** the drain of tasks that each insert one row, the work a real task does */
    private static final String WRITE = "drain-write";
    /** the systems that drain ({@code -Dbench.systems=taskq,db-scheduler} leaves batched completion out) */
    private static final List<String> DRAINERS = List.of(System.getProperty("bench.systems",
            String.join(",", TASKQ, TASKQ_BATCHED, DB_SCHEDULER)).split(","));

    private final boolean smoke = Boolean.getBoolean("bench.smoke");
    private final int repetitions = smoke ? 1 : Math.max(1, Integer.getInteger("bench.repetitions", 3));
    private final int drainTasks = Integer.getInteger("bench.drain.tasks", smoke ? 1_000 : 100_000);
    private final int bulkEnqueues = Integer.getInteger("bench.bulk.enqueues", smoke ? 1_000 : 100_000);
    private final int singleEnqueues = Integer.getInteger("bench.single.enqueues", smoke ? 1_000 : 10_000);
    private final int enqueueThreads = 8;
    private final int latencyRate = 50;
    private final int latencySeconds = Integer.getInteger("bench.latency.seconds", smoke ? 3 : 20);
    /** rows seeded for the memory run (taskq only); 0: no memory run */
    private final int memoryTasks = Integer.getInteger("bench.memory.tasks", smoke ? 20_000 : 0);
    /** the workloads to run, comma-separated: enqueue, drain, write (drains of tasks that insert a row), latency, memory; all by default */
    private final List<String> only = List.of(System.getProperty("bench.only", "enqueue,drain,write,latency,memory").split(","));
    /** pooled connections report their statistics to PostgreSQL at the latest 10 s after they went idle */
    private final Duration statsFlush = Duration.ofSeconds(11);

    private final Path out = Path.of(System.getProperty("bench.out", "target/bench-results"));
    private final int port = Integer.getInteger("bench.port", 9780);
    private final Path wlpDir = Path.of(property("bench.wlp.dir"));
    private final Path serverDir = Path.of(property("bench.server.dir"));
    private final String jvmArgs = System.getProperty("bench.jvmArgs", "").trim();
    /**
     * Liberty's default executor runs taskq's workers; it sizes itself, slowly (10 to 16 threads were seen in
     * drains at concurrency 32). The default floor of 48 threads lets taskq's concurrency 32 be 32 threads, as
     * db-scheduler's threads(32) are. 0: the executor as it comes.
     */
    private final int executorCoreThreads = Integer.getInteger("bench.executor.coreThreads", 48);
    private final List<Sample> samples = new ArrayList<>();
    private final Map<String, String> machine = new LinkedHashMap<>();
    private final LibertyServer liberty;
    private BenchClient client;
    private BenchDatabase database;

    private BenchLauncher() {
        liberty = new LibertyServer(wlpDir, serverDir.getFileName().toString());
    }

    public static void main(String[] args) throws Exception {
        String rereport = System.getProperty("bench.report.from");
        if (rereport != null) {
            new BenchLauncher().reportFrom(Path.of(rereport));
        } else {
            new BenchLauncher().run();
        }
    }

    /**
     * Prints the report, tables and chart again from a results.json written by an earlier run (for example
     * one stopped before its last workload): {@code -Dbench.report.from=target/bench-results/results.json}.
     */
    private void reportFrom(Path results) throws IOException {
        JsonObject json;
        try (var reader = Json.createReader(Files.newBufferedReader(results))) {
            json = reader.readObject();
        }
        json.getJsonObject("machine").forEach((key, value) -> machine.put(key, ((jakarta.json.JsonString) value).getString()));
        for (var value : json.getJsonArray("samples")) {
            JsonObject sample = value.asJsonObject();
            Map<String, Long> counters = new LinkedHashMap<>();
            sample.getJsonObject("counters").forEach((key, number) -> counters.put(key, ((jakarta.json.JsonNumber) number).longValue()));
            samples.add(new Sample(sample.getString("workload"), sample.getString("system"), sample.getInt("variant"),
                    sample.getInt("repetition") - 1, sample.getJsonObject("result"), counters));
        }
        Files.createDirectories(out);
        report(-1);
    }

    private void run() throws Exception {
        requireFreePort();
        Files.createDirectories(out);
        Thread cleanup = new Thread(this::shutDown, "taskq-bench-cleanup");
        Runtime.getRuntime().addShutdownHook(cleanup);
        long started = System.nanoTime();
        try {
            database = BenchDatabase.create(property("bench.db.host"), Integer.parseInt(property("bench.db.port")),
                    property("bench.db.user"), System.getProperty("bench.db.password", System.getenv().getOrDefault("PGPASSWORD", "")));
            say("Database " + database.name() + " (PostgreSQL " + database.version() + ")");
            database.writeServerVariables(serverDir);
            writeExecutorOverride();
            Path console = out.resolve("liberty-console.log");
            say("Starting Liberty server " + serverDir.getFileName() + " on port " + port + " (console: " + console + ")"
                    + (jvmArgs.isEmpty() ? "" : " with " + jvmArgs));
            liberty.start(console, jvmArgs);
            client = new BenchClient(port);
            if (!liberty.awaitUp(client.ping(), Duration.ofMinutes(5))) {
                throw new IllegalStateException("The benchmark WAR did not answer at " + client.ping() + "; see "
                        + serverDir.resolve("logs/messages.log"));
            }
            describeMachine();
            say("Liberty is up after " + seconds(started) + " s; " + (smoke ? "SMOKE run" : "full run") + ": "
                    + repetitions + " repetition(s), drains of " + String.format(Locale.ROOT, "%,d", drainTasks) + " tasks");
            measure();
            report(seconds(started));
        } finally {
            shutDown();
            Runtime.getRuntime().removeShutdownHook(cleanup);
        }
        say("Done in " + seconds(started) + " s. Results in " + out.toAbsolutePath());
    }

    // --- the plan ---------------------------------------------------------------------------------------

    private void measure() throws Exception {
        say("Warm-up (not recorded)");
        // 20,000 tasks: after 5,000 the first measured drain of taskq still ran a quarter slower than the next (JIT)
        for (String system : DRAINERS) {
            for (String drain : only.contains("write") ? List.of("drain", WRITE) : List.of("drain")) {
                database.prepare();
                client.post(params("op", drain, "system", system, "n", Math.min(drainTasks, 20_000), "concurrency", 16));
            }
        }
        for (String system : List.of("taskq-jta", "taskq-autocommit", DB_SCHEDULER)) {
            database.prepare();
            client.post(params("op", "enqueue-single", "system", system, "n", Math.min(singleEnqueues, 1_000), "threads", enqueueThreads));
        }

        for (int rep = 0; rep < repetitions && only.contains("enqueue"); rep++) {
            for (String system : rotate(List.of(TASKQ, DB_SCHEDULER), rep)) {
                sample("enqueue-bulk", system, 0, rep, false, params("op", "enqueue-bulk", "system", system, "n", bulkEnqueues));
            }
            List<String> systems = rotate(List.of("taskq-jta", "taskq-autocommit", DB_SCHEDULER), rep);
            for (String system : systems) {
                sample("enqueue-single", system, enqueueThreads, rep, false,
                        params("op", "enqueue-single", "system", system, "n", singleEnqueues, "threads", enqueueThreads));
            }
        }

        for (int rep = 0; rep < repetitions && only.contains("drain"); rep++) {
            for (int c = 0; c < CONCURRENCIES.size(); c++) {
                int concurrency = CONCURRENCIES.get(c);
                for (String system : rotate(DRAINERS, rep + c)) {
                    sample("drain", system, concurrency, rep, rep == 0 && !smoke,
                            params("op", "drain", "system", system, "n", drainTasks, "concurrency", concurrency));
                }
            }
        }

        for (int rep = 0; rep < repetitions && only.contains("write"); rep++) {
            for (int c = 0; c < CONCURRENCIES.size(); c++) {
                int concurrency = CONCURRENCIES.get(c);
                for (String system : rotate(DRAINERS, rep + c)) {
                    sample(WRITE, system, concurrency, rep, false,
                            params("op", WRITE, "system", system, "n", drainTasks, "concurrency", concurrency));
                }
            }
        }

        for (int rep = 0; rep < repetitions && only.contains("latency"); rep++) {
            for (String system : rotate(List.of(TASKQ, DB_SCHEDULER), rep)) {
                sample("latency", system, latencyRate, rep, false,
                        params("op", "latency", "system", system, "rate", latencyRate, "seconds", latencySeconds));
            }
        }

        if (memoryTasks > 0 && only.contains("memory")) {
            sample("memory", TASKQ, 32, 0, false, params("op", "memory", "n", memoryTasks));
        }
    }

    private void sample(String workload, String system, int variant, int rep, boolean counters, Map<String, Object> parameters)
            throws Exception {
        database.prepare();
        if (counters) {
            Thread.sleep(statsFlush.toMillis()); // what ran before has reported its statistics
        }
        Map<String, Long> before = counters ? database.counters() : Map.of();
        JsonObject result = client.post(parameters);
        Map<String, Long> delta = new LinkedHashMap<>();
        if (counters) {
            Thread.sleep(statsFlush.toMillis());
            Map<String, Long> after = database.counters();
            after.forEach((key, value) -> delta.put(key, value - before.getOrDefault(key, 0L)));
        }
        if (result.containsKey("effects") && workload.equals(WRITE) && result.getJsonNumber("effects").longValue() != result.getInt("count")) {
            throw new IllegalStateException(system + " committed " + result.getJsonNumber("effects") + " rows for " + result.getInt("count")
                    + " writing tasks: the drain lost or repeated work, its rate means nothing");
        }
        Sample sample = new Sample(workload, system, variant, rep, result, delta);
        samples.add(sample);
        say(String.format(Locale.ROOT, "  %-15s %-17s %5s  rep %d  %s", workload, system, variant == 0 ? "" : variant, rep + 1, brief(sample)));
        writeRaw();
    }

    private static String brief(Sample sample) {
        JsonObject result = sample.result();
        if (result.containsKey("p50Ms")) {
            return String.format(Locale.ROOT, "p50 %.2f ms  p99 %.2f ms  max %.2f ms  (%d samples)",
                    sample.number("p50Ms"), sample.number("p99Ms"), sample.number("maxMs"), result.getInt("count"));
        }
        String line = String.format(Locale.ROOT, "%,10.0f /s  %7.2f s  %6.1f µs each", sample.number("perSecond"),
                sample.number("seconds"), sample.number("microsPerItem"));
        if (result.containsKey("enqueue")) {
            line += String.format(Locale.ROOT, "   (bulk enqueue %,.0f /s)", sample.number("enqueue.perSecond"));
        }
        return line;
    }

    // --- the report -------------------------------------------------------------------------------------

    private void report(long totalSeconds) throws IOException {
        List<Table> tables = new ArrayList<>();
        String taskqLabel = jvmArgs.isEmpty() ? TASKQ : TASKQ + " (" + jvmArgs + ")";

        Table enqueue = new Table("Enqueue (operations per second; median of " + repetitions + ", min–max)",
                "workload", taskqLabel, DB_SCHEDULER, "taskq / db-scheduler");
        Stats taskqBulk = stats("enqueue-bulk", TASKQ, null, "perSecond");
        Stats dbBulk = stats("enqueue-bulk", DB_SCHEDULER, null, "perSecond");
        enqueue.row(String.format(Locale.ROOT, "%,d enqueues in one transaction (taskq: enqueue per task; db-scheduler: one scheduleBatch)", bulkEnqueues),
                Table.rate(taskqBulk), Table.rate(dbBulk), Table.ratio(taskqBulk, dbBulk));
        Stats taskqJta = stats("enqueue-single", "taskq-jta", null, "perSecond");
        Stats taskqAuto = stats("enqueue-single", "taskq-autocommit", null, "perSecond");
        Stats dbSingle = stats("enqueue-single", DB_SCHEDULER, null, "perSecond");
        enqueue.row(String.format(Locale.ROOT, "%,d single-enqueue transactions from %d threads (taskq: JTA begin/enqueue/commit; db-scheduler: schedule)",
                singleEnqueues, enqueueThreads), Table.rate(taskqJta), Table.rate(dbSingle), Table.ratio(taskqJta, dbSingle));
        enqueue.row(String.format(Locale.ROOT, "%,d single enqueues from %d threads, no JTA transaction (auto-commit)", singleEnqueues, enqueueThreads),
                Table.rate(taskqAuto), Table.rate(dbSingle), Table.ratio(taskqAuto, dbSingle));
        enqueue.note("Bulk: to a queue no worker serves, timed from the first call to the end of the commit.");
        tables.add(enqueue);

        String batchedLabel = "taskq batched";
        Table drain = new Table(String.format(Locale.ROOT, "End-to-end drain of %,d no-op tasks by one node (tasks per second; median of %d, min–max)",
                drainTasks, repetitions), "concurrency", taskqLabel + " (atomic)", batchedLabel, DB_SCHEDULER,
                "atomic / db-scheduler", "batched / db-scheduler");
        Map<String, List<Stats>> chart = new LinkedHashMap<>();
        chart.put("taskq, atomic completion (default)", new ArrayList<>());
        chart.put("taskq, taskq.completion=batched", new ArrayList<>());
        chart.put(DB_SCHEDULER + " " + System.getProperty("bench.dbscheduler.version", "16.2.0") + " (lock-and-fetch)", new ArrayList<>());
        for (int concurrency : CONCURRENCIES) {
            Stats t = stats("drain", TASKQ, concurrency, "perSecond");
            Stats b = stats("drain", TASKQ_BATCHED, concurrency, "perSecond");
            Stats d = stats("drain", DB_SCHEDULER, concurrency, "perSecond");
            drain.row(String.valueOf(concurrency), Table.rate(t), Table.rate(b), Table.rate(d), Table.ratio(t, d), Table.ratio(b, d));
            List<List<Stats>> lists = new ArrayList<>(chart.values());
            lists.get(0).add(t);
            lists.get(1).add(b);
            lists.get(2).add(d);
        }
        Best bestTaskq = best(TASKQ);
        Best bestBatched = best(TASKQ_BATCHED);
        Best bestDb = best(DB_SCHEDULER);
        if (bestTaskq != null && bestBatched != null && bestDb != null) {
            drain.row("best of each (c" + bestTaskq.concurrency() + ", c" + bestBatched.concurrency() + ", c" + bestDb.concurrency() + ")",
                    Table.rate(bestTaskq.stats()), Table.rate(bestBatched.stats()), Table.rate(bestDb.stats()),
                    Table.ratio(bestTaskq.stats(), bestDb.stats()), Table.ratio(bestBatched.stats(), bestDb.stats()));
        }
        drain.note("Timed from the commit of the enqueue transaction (taskq) or scheduler.start() (db-scheduler) until the task table holds no row of the run."
                + " Ratios of medians; the three systems ran in rotating order within each repetition.");
        tables.add(drain);

        tables.add(writingDrain(taskqLabel, batchedLabel));

        Table cpu = new Table("CPU time per 1,000 tasks (ms; Liberty JVM + PostgreSQL backends of the run's database; median of " + repetitions + ")",
                "workload", taskqLabel + " (JVM + PG)", DB_SCHEDULER + " (JVM + PG)", "taskq / db-scheduler");
        for (int concurrency : CONCURRENCIES) {
            cpuRow(cpu, "drain, concurrency " + concurrency + ", atomic", "drain", concurrency, "", TASKQ, DB_SCHEDULER);
            cpuRow(cpu, "drain, concurrency " + concurrency + ", batched", "drain", concurrency, "", TASKQ_BATCHED, DB_SCHEDULER);
        }
        for (int concurrency : CONCURRENCIES) {
            cpuRow(cpu, "writing tasks, concurrency " + concurrency + ", atomic", WRITE, concurrency, "", TASKQ, DB_SCHEDULER);
            cpuRow(cpu, "writing tasks, concurrency " + concurrency + ", batched", WRITE, concurrency, "", TASKQ_BATCHED, DB_SCHEDULER);
        }
        cpuRow(cpu, "bulk enqueue in one transaction", "enqueue-bulk", null, "", TASKQ, DB_SCHEDULER);
        cpuRow(cpu, "single-enqueue transactions (taskq: JTA)", "enqueue-single", null, "", "taskq-jta", DB_SCHEDULER);
        cpuRow(cpu, "single enqueues (taskq: auto-commit)", "enqueue-single", null, "", "taskq-autocommit", DB_SCHEDULER);
        cpu.note("Lower is better. Read from /proc: the server's JVM (all of it, taskq's idle pollers included) and the backends of this run's database;"
                + " autovacuum is left out. On 2 cores, 2,000 ms of CPU per 1,000 tasks caps throughput near 1,000 tasks/s.");
        tables.add(cpu);

        Table work = databaseWork();
        if (!work.isEmpty()) {
            tables.add(work);
        }

        Table latency = new Table(String.format(Locale.ROOT, "Latency from enqueue to task start at %d tasks/s for %d s on an idle node (ms; median of %d, min–max)",
                latencyRate, latencySeconds, repetitions), "statistic", taskqLabel, DB_SCHEDULER, "taskq / db-scheduler");
        for (String statistic : List.of("p50Ms", "p90Ms", "p99Ms", "maxMs", "meanMs")) {
            Stats t = stats("latency", TASKQ, null, statistic);
            Stats d = stats("latency", DB_SCHEDULER, null, statistic);
            latency.row(statistic.replace("Ms", ""), Table.millis(t), Table.millis(d), Table.ratio(t, d));
        }
        latency.note("Lower is better; a ratio below 1 means taskq starts tasks sooner. Clock start: just before the enqueue / schedule call"
                + " that inserts and commits the row; clock stop: first line of the task.");
        tables.add(latency);

        samples.stream().filter(s -> s.workload().equals("memory")).findFirst().ifPresent(memory -> {
            Table heap = new Table(String.format(Locale.ROOT, "Memory: draining %,d pending tasks seeded by SQL (queue b32, batched; heap after a full GC)",
                    (long) memory.number("count")), "measurement", "value", "", "");
            heap.row("heap in use before the seed", String.format(Locale.ROOT, "%.0f MB", memory.number("usedAfterGcBeforeMb")), "", "");
            heap.row("highest heap in use while draining (sampled every 5 s)", String.format(Locale.ROOT, "%.0f MB", memory.number("usedAfterGcHighestMb")), "", "");
            heap.row("heap in use after the drain", String.format(Locale.ROOT, "%.0f MB", memory.number("usedAfterGcAfterMb")), "", "");
            heap.row("drain rate", String.format(Locale.ROOT, "%,.0f tasks/s", memory.number("perSecond")), "", "");
            tables.add(heap);
        });

        tables.add(targets(taskqBulk, dbBulk, bestTaskq, bestBatched, bestDb));

        StringBuilder text = new StringBuilder();
        text.append("\n").append("=".repeat(100)).append("\n");
        text.append("taskq benchmark, ").append(LocalDateTime.now().format(DateTimeFormatter.ISO_LOCAL_DATE_TIME)).append(smoke ? "  [SMOKE]" : "").append('\n');
        machine.forEach((key, value) -> text.append(String.format(Locale.ROOT, "  %-22s %s%n", key, value)));
        text.append(String.format(Locale.ROOT, "  %-22s %s%n", "load average at end", loadAverage()));
        text.append(String.format(Locale.ROOT, "  %-22s %d s%n", "total time", totalSeconds));
        tables.forEach(table -> text.append(table.text()));
        text.append("=".repeat(100)).append('\n');
        System.out.print(text);
        Files.writeString(out.resolve("report.txt"), text, StandardCharsets.UTF_8);

        StringBuilder adoc = new StringBuilder("// generated by taskq-bench (BenchLauncher)\n\n");
        adoc.append("[cols=\"1,3\"]\n|===\n");
        machine.forEach((key, value) -> adoc.append("| ").append(key).append(" | ").append(value.replace("|", "\\|")).append('\n'));
        adoc.append("| load average at end | ").append(loadAverage()).append('\n');
        adoc.append("| total time | ").append(totalSeconds).append(" s\n|===\n\n");
        tables.forEach(table -> adoc.append(table.asciidoc()));
        Files.writeString(out.resolve("report.adoc"), adoc, StandardCharsets.UTF_8);

        Chart.throughput(out.resolve("bench-throughput.png"),
                String.format(Locale.ROOT, "End-to-end drain of %,d no-op tasks, one node", drainTasks),
                Runtime.getRuntime().availableProcessors() + " cores, " + memory() + "; PostgreSQL "
                        + machine.getOrDefault("PostgreSQL", "?").split(" ")[0] + "; Open Liberty " + machine.getOrDefault("Open Liberty", "?")
                        + "; JDK " + Runtime.version().feature() + "; median of " + repetitions + (smoke ? "  [SMOKE]" : ""),
                CONCURRENCIES, chart);
    }

    /** The drains of tasks that insert one row each: the work of a real task, and where the transaction per task is no longer overhead. */
    private Table writingDrain(String taskqLabel, String batchedLabel) {
        Table table = new Table(String.format(Locale.ROOT, "End-to-end drain of %,d tasks that each insert one row (tasks per second; median of %d, min–max)",
                drainTasks, repetitions), "concurrency", taskqLabel + " (atomic)", batchedLabel, DB_SCHEDULER,
                "atomic / db-scheduler", "batched / db-scheduler");
        for (int concurrency : CONCURRENCIES) {
            Stats t = stats(WRITE, TASKQ, concurrency, "perSecond");
            Stats b = stats(WRITE, TASKQ_BATCHED, concurrency, "perSecond");
            Stats d = stats(WRITE, DB_SCHEDULER, concurrency, "perSecond");
            table.row(String.valueOf(concurrency), Table.rate(t), Table.rate(b), Table.rate(d), Table.ratio(t, d), Table.ratio(b, d));
        }
        Best t = best(WRITE, TASKQ);
        Best b = best(WRITE, TASKQ_BATCHED);
        Best d = best(WRITE, DB_SCHEDULER);
        if (t != null && b != null && d != null) {
            table.row("best of each (c" + t.concurrency() + ", c" + b.concurrency() + ", c" + d.concurrency() + ")",
                    Table.rate(t.stats()), Table.rate(b.stats()), Table.rate(d.stats()), Table.ratio(t.stats(), d.stats()), Table.ratio(b.stats(), d.stats()));
        }
        table.note("Each task inserts one row into bench_effect on the same data source. taskq atomic: the insert and the removal of the task's"
                + " row commit in one JTA transaction; taskq batched: the insert commits in the task's transaction, the row goes in a later batch;"
                + " db-scheduler: the insert auto-commits on its thread, then db-scheduler deletes the execution. Every run checks that exactly"
                + " one row per task was committed.");
        return table;
    }

    /** Database work per 1,000 drained tasks, from PostgreSQL's statistics of the first repetition. */
    private Table databaseWork() {
        Table table = new Table("Database work per 1,000 drained tasks (PostgreSQL statistics, first repetition)",
                "run", "transactions", "WAL flushes", "claim statements (due-index scans)", "updates (HOT)", "deletes");
        for (int concurrency : CONCURRENCIES) {
            for (String system : DRAINERS) {
                Sample sample = samples.stream().filter(s -> s.workload().equals("drain") && s.system().equals(system)
                        && s.variant() == concurrency && !s.counters().isEmpty()).findFirst().orElse(null);
                if (sample == null) {
                    continue;
                }
                Map<String, Long> c = sample.counters();
                boolean taskq = !system.equals(DB_SCHEDULER);
                String tablePrefix = taskq ? "taskq_task" : "scheduled_tasks";
                long scans = taskq ? c.getOrDefault("taskq_task_due_idx.scans", 0L)
                        : c.getOrDefault("execution_time_idx.scans", 0L) + c.getOrDefault("priority_execution_time_idx.scans", 0L);
                double per = 1000.0 / drainTasks;
                table.row(system + " c" + concurrency,
                        Table.number(c.getOrDefault("xact_commit", 0L) * per, 0),
                        c.containsKey("wal_sync") ? Table.number(c.get("wal_sync") * per, 0) : "n/a",
                        Table.number(scans * per, 1),
                        Table.number(c.getOrDefault(tablePrefix + ".upd", 0L) * per, 0) + " ("
                                + Table.number(c.getOrDefault(tablePrefix + ".hot_upd", 0L) * per, 0) + ")",
                        Table.number(c.getOrDefault(tablePrefix + ".del", 0L) * per, 0));
            }
        }
        table.note("Transactions include the enqueue transaction and, for either system, the other system's idle polling during the run"
                + " (taskq: 7 queues polling once a second). WAL flushes: pg_stat_wal.wal_sync of the whole server (PostgreSQL 14 or later);"
                + " a commit waits for a flush, and one flush serves every commit written before it, so fewer flushes per task mean"
                + " commits grouped better. Claim statements: scans of taskq_task_due_idx / db-scheduler's execution_time_idx.");
        return table;
    }

    private void cpuRow(Table table, String label, String workload, Integer variant, String prefix, String taskqSystem, String otherSystem) {
        Stats t = stats(workload, taskqSystem, variant, cpuPerThousand(prefix, "total"));
        Stats d = stats(workload, otherSystem, variant, cpuPerThousand(prefix, "total"));
        Stats tJvm = stats(workload, taskqSystem, variant, cpuPerThousand(prefix, "liberty"));
        Stats tPg = stats(workload, taskqSystem, variant, cpuPerThousand(prefix, "postgres"));
        Stats dJvm = stats(workload, otherSystem, variant, cpuPerThousand(prefix, "liberty"));
        Stats dPg = stats(workload, otherSystem, variant, cpuPerThousand(prefix, "postgres"));
        table.row(label, cpuCell(t, tJvm, tPg), cpuCell(d, dJvm, dPg), Table.ratio(t, d));
    }

    private static String cpuCell(Stats total, Stats jvm, Stats postgres) {
        if (!total.present()) {
            return "n/a";
        }
        return String.format(Locale.ROOT, "%,.0f (%,.0f + %,.0f)", total.median(), jvm.median(), postgres.median());
    }

    private Table targets(Stats taskqBulk, Stats dbBulk, Best bestTaskq, Best bestBatched, Best bestDb) {
        Table table = new Table("Targets of issue 6 (ratios from this run)", "target", "wanted", "measured", "met");
        if (bestTaskq != null && bestDb != null) {
            double ratio = bestTaskq.stats().median() / bestDb.stats().median();
            table.row("end-to-end, atomic completion, best vs best", "≥ 1.20×", String.format(Locale.ROOT, "%.2f×", ratio), ratio >= 1.2 ? "yes" : "NO");
        }
        if (bestBatched != null && bestDb != null) {
            double ratio = bestBatched.stats().median() / bestDb.stats().median();
            table.row("end-to-end, batched completion, best vs best", "≥ 3×", String.format(Locale.ROOT, "%.2f×", ratio), ratio >= 3 ? "yes" : "NO");
        }
        Stats p50 = stats("latency", TASKQ, null, "p50Ms");
        Stats p99 = stats("latency", TASKQ, null, "p99Ms");
        table.row("enqueue→start latency p50 (idle node)", "≤ 5 ms", Table.millis(p50), p50.present() ? (p50.median() <= 5 ? "yes" : "NO") : "n/a");
        table.row("enqueue→start latency p99 (idle node)", "≤ 20 ms", Table.millis(p99), p99.present() ? (p99.median() <= 20 ? "yes" : "NO") : "n/a");
        if (taskqBulk.present() && dbBulk.present()) {
            double ratio = taskqBulk.median() / dbBulk.median();
            table.row(String.format(Locale.ROOT, "%,d enqueues in one transaction vs scheduleBatch", bulkEnqueues), "≥ 1.00×",
                    String.format(Locale.ROOT, "%.2f×", ratio), ratio >= 1 ? "yes" : "NO");
        }
        return table;
    }

    /** The concurrency at which a system drained fastest (by median), or null if it never drained. */
    private Best best(String system) {
        return best("drain", system);
    }

    private Best best(String workload, String system) {
        Best best = null;
        for (int concurrency : CONCURRENCIES) {
            Stats stats = stats(workload, system, concurrency, "perSecond");
            if (stats.present() && (best == null || stats.median() > best.stats().median())) {
                best = new Best(concurrency, stats);
            }
        }
        return best;
    }

    private record Best(int concurrency, Stats stats) {
    }

    private Stats stats(String workload, String system, Integer variant, String metric) {
        return stats(workload, system, variant, s -> s.number(metric));
    }

    private Stats stats(String workload, String system, Integer variant, java.util.function.ToDoubleFunction<Sample> metric) {
        Predicate<Sample> match = s -> s.workload().equals(workload) && s.system().equals(system)
                && (variant == null || s.variant() == variant);
        return Stats.of(samples.stream().filter(match).map(s -> metric.applyAsDouble(s)).toList());
    }

    /** CPU milliseconds per 1,000 items of the object at {@code prefix} ("" for the result itself, "enqueue." for a drain's enqueue). */
    private static java.util.function.ToDoubleFunction<Sample> cpuPerThousand(String prefix, String part) {
        return s -> {
            double count = s.number(prefix + "count");
            double liberty = s.number(prefix + "cpu.libertyMs");
            double postgres = s.number(prefix + "cpu.postgresMs");
            double value = switch (part) {
                case "liberty" -> liberty;
                case "postgres" -> postgres;
                default -> liberty + postgres;
            };
            return value / count * 1000;
        };
    }

    private void writeRaw() throws IOException {
        JsonArrayBuilder array = Json.createArrayBuilder();
        for (Sample sample : samples) {
            JsonObjectBuilder counters = Json.createObjectBuilder();
            sample.counters().forEach(counters::add);
            array.add(Json.createObjectBuilder().add("workload", sample.workload()).add("system", sample.system())
                    .add("variant", sample.variant()).add("repetition", sample.repetition() + 1)
                    .add("result", sample.result()).add("counters", counters));
        }
        JsonObjectBuilder machineJson = Json.createObjectBuilder();
        machine.forEach(machineJson::add);
        Files.writeString(out.resolve("results.json"),
                Json.createObjectBuilder().add("smoke", smoke).add("machine", machineJson).add("samples", array).build().toString(),
                StandardCharsets.UTF_8);
    }

    // --- the machine ------------------------------------------------------------------------------------

    private void describeMachine() throws Exception {
        JsonObject server = client.get(params("op", "ping"));
        machine.put("machine", Runtime.getRuntime().availableProcessors() + " cores, " + memory() + " memory, load average "
                + loadAverage() + " at start (other engineers' builds and servers shared the machine)");
        machine.put("CPU", cpuModel());
        machine.put("PostgreSQL", database.version() + " on " + property("bench.db.host") + ":" + property("bench.db.port"));
        machine.put("JDK (server)", server.getString("java") + ", max heap " + server.getInt("maxHeapMb") + " MB");
        machine.put("Open Liberty", liberty.version());
        machine.put("versions", System.getProperty("bench.versions", "?"));
        machine.put("taskq source", gitState());
        machine.put("settings", String.format(Locale.ROOT, "%d repetition(s); bulk enqueue %,d; drain %,d tasks; single enqueues %,d from %d threads; latency %d/s for %d s; "
                + "taskq poll-interval 1s, db-scheduler pollingInterval 1s, lock-and-fetch (0.5, 1.0); Liberty executor %s%s%s",
                repetitions, bulkEnqueues, drainTasks, singleEnqueues, enqueueThreads, latencyRate, latencySeconds,
                executorCoreThreads > 0 ? "coreThreads=" + executorCoreThreads : "as it comes (self-sizing)",
                jvmArgs.isEmpty() ? "" : "; server JVM_ARGS " + jvmArgs,
                System.getProperty("bench.only") == null ? "" : "; only " + String.join(", ", only)));
    }

    private static String memory() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/meminfo"))) {
                if (line.startsWith("MemTotal:")) {
                    long kb = Long.parseLong(line.replaceAll("[^0-9]", ""));
                    return String.format(Locale.ROOT, "%.1f GiB", kb / 1024.0 / 1024.0);
                }
            }
        } catch (IOException | RuntimeException e) {
            // not Linux
        }
        return "?";
    }

    private static String cpuModel() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/cpuinfo"))) {
                if (line.startsWith("model name")) {
                    return line.substring(line.indexOf(':') + 1).trim();
                }
            }
        } catch (IOException | RuntimeException e) {
            // not Linux
        }
        return "?";
    }

    /** The commit of the taskq sources measured, and whether its main modules had uncommitted changes. */
    private static String gitState() {
        String root = System.getProperty("bench.root");
        if (root == null) {
            return "?";
        }
        try {
            String commit = run(root, "git", "rev-parse", "--short", "HEAD").trim();
            String dirty = run(root, "git", "status", "--porcelain", "--", "taskq-api", "taskq-jpa", "taskq-cdi-extension").trim();
            return "commit " + commit + (dirty.isEmpty() ? "" : " + uncommitted changes in taskq-api/-jpa/-cdi-extension");
        } catch (IOException | InterruptedException | RuntimeException e) {
            return "?";
        }
    }

    private static String run(String directory, String... command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).directory(new java.io.File(directory)).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (process.waitFor() != 0) {
            throw new IOException(String.join(" ", command) + ": " + output);
        }
        return output;
    }

    static String loadAverage() {
        try {
            String[] parts = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return parts[0] + " " + parts[1] + " " + parts[2];
        } catch (IOException | RuntimeException e) {
            return "?";
        }
    }

    /** Liberty's default executor runs taskq's workers (and the servlet); optionally give it a floor of threads. */
    private void writeExecutorOverride() throws IOException {
        Path file = serverDir.resolve("configDropins").resolve("overrides").resolve("bench-executor.xml");
        if (executorCoreThreads > 0) {
            Files.writeString(file, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<!-- written by the benchmark launcher: -Dbench.executor.coreThreads -->\n"
                    + "<server>\n  <executor coreThreads=\"" + executorCoreThreads + "\"/>\n</server>\n", StandardCharsets.UTF_8);
        } else {
            Files.deleteIfExists(file);
        }
    }

    // --- plumbing ---------------------------------------------------------------------------------------

    private synchronized void shutDown() {
        try {
            liberty.stop();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (database != null) {
            try {
                database.close();
                say("Dropped database " + database.name());
            } catch (Exception e) {
                System.err.println("Could not drop database " + database.name() + ": " + e.getMessage());
            }
        }
    }

    private void requireFreePort() throws IOException {
        try (ServerSocket probe = new ServerSocket(port, 1, InetAddress.getByName("localhost"))) {
            // free
        } catch (BindException e) {
            throw new IllegalStateException("Port " + port + " is in use; run with -Dbench.port=<another port>", e);
        }
    }

    private static List<String> rotate(List<String> systems, int by) {
        List<String> rotated = new ArrayList<>(systems);
        java.util.Collections.rotate(rotated, -(by % systems.size()));
        return rotated;
    }

    private static Map<String, Object> params(Object... keyValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            map.put((String) keyValues[i], keyValues[i + 1]);
        }
        return map;
    }

    private static long seconds(long startNanos) {
        return (System.nanoTime() - startNanos) / 1_000_000_000L;
    }

    private static void say(String line) {
        System.out.println("[taskq-bench " + LocalDateTime.now().format(DateTimeFormatter.ofPattern("HH:mm:ss")) + "] " + line);
    }

    private static String property(String name) {
        String value = System.getProperty(name);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException("System property " + name + " is not set; run the benchmark with\n"
                    + "  mvn -B -Pbench -pl taskq-bench -am -DskipTests verify");
        }
        return value;
    }
}
