package dev.taskq.it.support;

import dev.taskq.jpa.TaskEntity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import jakarta.annotation.Resource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;

/** Reads the task and effect tables through the application's unit, as a user would (TaskEntity). */
@ApplicationScoped
public class TaskTable {

    @PersistenceContext(unitName = "app")
    EntityManager em;

    @Resource(lookup = "java:comp/DefaultDataSource")
    DataSource dataSource;

    public long tasks() {
        return em.createQuery("select count(t) from TaskEntity t", Long.class).getSingleResult();
    }

    public long failedTasks() {
        return em.createQuery("select count(t) from TaskEntity t where t.failed = true", Long.class).getSingleResult();
    }

    public Optional<TaskEntity> task(UUID id) {
        em.clear();
        return Optional.ofNullable(em.find(TaskEntity.class, id));
    }

    public List<TaskEntity> all() {
        em.clear();
        return em.createQuery("select t from TaskEntity t order by t.executeAt", TaskEntity.class).getResultList();
    }

    public long effects() {
        return em.createQuery("select count(e) from Effect e", Long.class).getSingleResult();
    }

    public long effects(String task) {
        return em.createQuery("select count(e) from Effect e where e.task = :task", Long.class)
                .setParameter("task", task).getSingleResult();
    }

    /** The ids of the effects {@code task} wrote. */
    public List<String> effectIds(String task) {
        return em.createQuery("select e.id from Effect e where e.task = :task", String.class)
                .setParameter("task", task).getResultList();
    }

    public Optional<Effect> effect(String id) {
        em.clear();
        return Optional.ofNullable(em.find(Effect.class, id));
    }

    /** A waiting row, due now, as an older deployment may have left it (any name, any arguments). */
    public UUID insertWaiting(String name, String args) throws SQLException {
        return insert(name, args, false, Instant.now(), null);
    }

    /** A waiting row due at {@code executeAt}, written without waking any worker. */
    public UUID insertWaiting(String name, String args, Instant executeAt) throws SQLException {
        return insert(name, args, false, executeAt, null);
    }

    /** A started row whose node stopped beating at {@code aliveAt}. */
    public UUID insertDirty(String name, String node, Instant aliveAt) throws SQLException {
        return insert(name, "[]", true, aliveAt, node);
    }

    /** Written with JDBC, not JPA, so rows can be anything, even what TaskEntity would refuse. */
    private UUID insert(String name, String args, boolean started, Instant time, String node) throws SQLException {
        UUID id = UUID.randomUUID();
        Timestamp timestamp = Timestamp.from(time);
        try (Connection connection = dataSource.getConnection();
             PreparedStatement insert = connection.prepareStatement("""
                     INSERT INTO taskq_task (id, name, queue, args, created_at, execute_at, started, started_at, alive_at, node)
                     VALUES (?, ?, 'default', ?, ?, ?, ?, ?, ?, ?)""")) {
            int index = 1;
            insert.setObject(index++, id);
            insert.setString(index++, name);
            insert.setString(index++, args);
            insert.setTimestamp(index++, timestamp);                     // created_at
            insert.setTimestamp(index++, timestamp);                     // execute_at
            insert.setBoolean(index++, started);
            insert.setTimestamp(index++, started ? timestamp : null);    // started_at
            insert.setTimestamp(index++, started ? timestamp : null);    // alive_at
            insert.setString(index++, node);
            insert.executeUpdate();
        }
        return id;
    }

    /** Empties both tables between tests. */
    @Transactional
    public void clear() {
        em.createNativeQuery("DELETE FROM taskq_task").executeUpdate();
        em.createNativeQuery("DELETE FROM it_effect").executeUpdate();
    }
}
