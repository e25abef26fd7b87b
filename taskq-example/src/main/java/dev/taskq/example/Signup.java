package dev.taskq.example;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;

/** A person who signed up on the page. */
@Entity
@Table(name = "example_signup")
public class Signup {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false)
    private String name;

    @Column(nullable = false)
    private String email;

    @Column(name = "signed_up_at", nullable = false)
    private OffsetDateTime signedUpAt;

    /** Set by the {@link CrmSync#push(long)} task once the CRM accepted the sign-up. */
    @Column(name = "crm_pushed_at")
    private OffsetDateTime crmPushedAt;

    protected Signup() {
    }

    public Signup(String name, String email, OffsetDateTime signedUpAt) {
        this.name = name;
        this.email = email;
        this.signedUpAt = signedUpAt;
    }

    public Long getId() { return id; }
    public String getName() { return name; }
    public String getEmail() { return email; }
    public OffsetDateTime getSignedUpAt() { return signedUpAt; }
    public OffsetDateTime getCrmPushedAt() { return crmPushedAt; }

    void pushedToCrm(OffsetDateTime when) {
        crmPushedAt = when;
    }
}
