package dev.taskq.it.enqueue;

import dev.taskq.Task;
import dev.taskq.it.support.Effect;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

/** Tasks that write an application entity in the transaction taskq runs them in. */
@ApplicationScoped
public class AccountTasks {

    @PersistenceContext(unitName = "app")
    EntityManager em;

    @Task
    public void recordSignup(String user) {
        em.persist(new Effect("signup:" + user, "AccountTasks.recordSignup", user));
    }

    @Task
    public void recordThenFail(String user) {
        em.persist(new Effect("charge:" + user, "AccountTasks.recordThenFail", user));
        em.flush();
        throw new IllegalStateException("payment gateway refused " + user);
    }
}
