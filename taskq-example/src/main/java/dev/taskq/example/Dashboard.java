package dev.taskq.example;

import dev.taskq.jpa.TaskEntity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.OffsetDateTime;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** Reads what the page shows: the example's tables and taskq's, through the application's own unit. */
@ApplicationScoped
public class Dashboard {

    static final int ROWS = 10;
    static final int TASK_ROWS = 20;

    @PersistenceContext(unitName = "example")
    EntityManager em;

    /** Everything the page shows, read in one transaction. */
    public record Snapshot(OffsetDateTime now, List<Signup> signups, List<SentMail> mails,
                           Map<TaskGroup, Long> taskCounts, List<TaskEntity> tasks) {
    }

    @Transactional
    public Snapshot read() {
        OffsetDateTime now = OffsetDateTime.now();
        List<Signup> signups = em.createQuery("select s from Signup s order by s.id desc", Signup.class)
                .setMaxResults(ROWS).getResultList();
        List<SentMail> mails = em.createQuery("select m from SentMail m join fetch m.signup order by m.id desc", SentMail.class)
                .setMaxResults(ROWS).getResultList();
        List<TaskEntity> tasks = em.createQuery("select t from TaskEntity t order by t.createdAt desc, t.id desc", TaskEntity.class)
                .setMaxResults(TASK_ROWS).getResultList();
        return new Snapshot(now, signups, mails, countTasks(now), tasks);
    }

    private Map<TaskGroup, Long> countTasks(OffsetDateTime now) {
        Map<TaskGroup, Long> counts = new EnumMap<>(TaskGroup.class);
        counts.put(TaskGroup.PENDING, em.createQuery(
                "select count(t) from TaskEntity t where t.started = false and t.failed = false and t.executeAt <= :now", Long.class)
                .setParameter("now", now).getSingleResult());
        counts.put(TaskGroup.FUTURE, em.createQuery(
                "select count(t) from TaskEntity t where t.started = false and t.failed = false and t.executeAt > :now", Long.class)
                .setParameter("now", now).getSingleResult());
        counts.put(TaskGroup.RUNNING, em.createQuery(
                "select count(t) from TaskEntity t where t.started = true and t.failed = false", Long.class).getSingleResult());
        counts.put(TaskGroup.FAILED, em.createQuery(
                "select count(t) from TaskEntity t where t.failed = true", Long.class).getSingleResult());
        return counts;
    }
}
