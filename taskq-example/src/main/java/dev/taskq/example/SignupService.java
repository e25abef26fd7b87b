package dev.taskq.example;

import dev.taskq.TaskQueue;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.OffsetDateTime;

/** Saves a sign-up and enqueues its follow-up work. */
@ApplicationScoped
public class SignupService {

    @PersistenceContext(unitName = "example")
    EntityManager em;

    @Inject
    TaskQueue tasks;

    /**
     * One JTA transaction: the sign-up row and both task rows commit together or not at all, so
     * there is never a mail for a sign-up that rolled back, nor a sign-up that gets no mail.
     *
     * @return the new sign-up's id
     */
    @Transactional
    public long signUp(String name, String email) {
        Signup signup = new Signup(name, email, OffsetDateTime.now());
        em.persist(signup);
        long id = signup.getId();
        tasks.enqueue(WelcomeMailer.class, mailer -> mailer.welcome(id));
        tasks.enqueue(CrmSync.class, crm -> crm.push(id));
        return id;
    }
}
