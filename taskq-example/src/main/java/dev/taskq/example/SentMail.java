package dev.taskq.example;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.Duration;
import java.time.OffsetDateTime;

/** A welcome mail the {@link WelcomeMailer} "sent": stored instead of sent, so the page can show it. */
@Entity
@Table(name = "example_sent_mail")
public class SentMail {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(optional = false)
    @JoinColumn(name = "signup_id", nullable = false)
    private Signup signup;

    @Column(nullable = false)
    private String recipient;

    @Column(nullable = false)
    private String subject;

    @Column(name = "sent_at", nullable = false)
    private OffsetDateTime sentAt;

    protected SentMail() {
    }

    public SentMail(Signup signup, String subject, OffsetDateTime sentAt) {
        this.signup = signup;
        this.recipient = signup.getEmail();
        this.subject = subject;
        this.sentAt = sentAt;
    }

    public Long getId() { return id; }
    public Signup getSignup() { return signup; }
    public String getRecipient() { return recipient; }
    public String getSubject() { return subject; }
    public OffsetDateTime getSentAt() { return sentAt; }

    /** How long the visitor waited for the mail: from the sign-up's commit-side timestamp to the task's. */
    public Duration delayAfterSignup() {
        return Duration.between(signup.getSignedUpAt(), sentAt);
    }
}
