package dev.taskq.example;

import dev.taskq.Task;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.OffsetDateTime;
import java.util.Locale;

/** Pushes a sign-up to a pretend CRM that rejects every name containing "fail", to show retries and a failed task. */
@ApplicationScoped
public class CrmSync {

    @PersistenceContext(unitName = "example")
    EntityManager em;

    /**
     * An {@link IllegalStateException} (the CRM is "down") is retried twice, 2 seconds apart; the
     * third failure marks the task failed and keeps it, with its stack trace, for a person to look at.
     */
    @Task(autoretryFor = IllegalStateException.class, maxRetries = 2, countdown = 2)
    public void push(long signupId) {
        Signup signup = em.find(Signup.class, signupId);
        if (signup.getName().toLowerCase(Locale.ROOT).contains("fail")) {
            throw new IllegalStateException("CRM rejected sign-up " + signupId + ": the example's CRM refuses names containing 'fail'");
        }
        signup.pushedToCrm(OffsetDateTime.now());
    }
}
