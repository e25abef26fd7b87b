package dev.taskq.example;

import dev.taskq.Task;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.OffsetDateTime;

/** Sends the welcome mail of a sign-up, after the sign-up committed, outside the visitor's request. */
@ApplicationScoped
public class WelcomeMailer {

    @PersistenceContext(unitName = "example")
    EntityManager em;

    /**
     * Runs in the transaction taskq opens for the task, so the stored mail and the removal of the
     * task row commit together. A real application would call its mail service here.
     */
    @Task
    public void welcome(long signupId) {
        Signup signup = em.find(Signup.class, signupId);
        em.persist(new SentMail(signup, "Welcome, " + signup.getName() + "!", OffsetDateTime.now()));
    }
}
