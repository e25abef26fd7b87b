package dev.taskq.jpa;

import jakarta.persistence.Cacheable;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * A row of the task table, for applications that query tasks with JPA: list
 * {@code dev.taskq.jpa.TaskEntity} in a persistence unit on the same datasource.
 *
 * <p>taskq itself reads and writes the table with the SQL in {@code dev.taskq.jpa.internal} and
 * creates it with Flyway; never let a JPA provider generate it. Times are {@link OffsetDateTime}
 * so that every provider maps them to {@code timestamptz} the same way. Treat the entity as read
 * only: change tasks through {@code TaskQueue} or the console, so running tasks are left alone.
 */
@Entity
@Table(name = "taskq_task")
@Cacheable(false) // workers change rows with SQL behind the provider's back: a shared cache would show stale states
public class TaskEntity {

    @Id
    @Column(name = "id", nullable = false)
    private UUID id;

    @Column(name = "name", nullable = false, length = 255)
    private String name;

    @Column(name = "queue", nullable = false, length = 255)
    private String queue;

    @Column(name = "args", nullable = false)
    private String args;

    @Column(name = "created_at", nullable = false)
    private OffsetDateTime createdAt;

    @Column(name = "execute_at", nullable = false)
    private OffsetDateTime executeAt;

    @Column(name = "expires_at")
    private OffsetDateTime expiresAt;

    @Column(name = "started", nullable = false)
    private boolean started;

    @Column(name = "started_at")
    private OffsetDateTime startedAt;

    @Column(name = "alive_at")
    private OffsetDateTime aliveAt;

    @Column(name = "node", length = 255)
    private String node;

    @Column(name = "failed", nullable = false)
    private boolean failed;

    @Column(name = "retries", nullable = false)
    private int retries;

    @Column(name = "error")
    private String error;

    @Column(name = "traceback")
    private String traceback;

    public UUID getId() { return id; }
    public String getName() { return name; }
    public String getQueue() { return queue; }
    /** The arguments as a JSON array, in parameter order. */
    public String getArgs() { return args; }
    public OffsetDateTime getCreatedAt() { return createdAt; }
    public OffsetDateTime getExecuteAt() { return executeAt; }
    public OffsetDateTime getExpiresAt() { return expiresAt; }
    public boolean isStarted() { return started; }
    public OffsetDateTime getStartedAt() { return startedAt; }
    /** The last heartbeat of a started task. */
    public OffsetDateTime getAliveAt() { return aliveAt; }
    /** The node that claimed the task. */
    public String getNode() { return node; }
    public boolean isFailed() { return failed; }
    public int getRetries() { return retries; }
    /** The last error's one-line description. */
    public String getError() { return error; }
    /** The last error's stack trace. */
    public String getTraceback() { return traceback; }
}
