package dev.taskq.example;

import java.util.Optional;

/** What the visitor typed into the sign-up form, and whether it can be saved. */
public record SignupForm(String name, String email) {

    static final int MAX_NAME = 100;
    static final int MAX_EMAIL = 200;

    public static SignupForm empty() {
        return new SignupForm("", "");
    }

    /** Trims the raw request parameters; a missing parameter counts as empty. */
    public static SignupForm of(String name, String email) {
        return new SignupForm(name == null ? "" : name.strip(), email == null ? "" : email.strip());
    }

    /** The reason the form cannot be saved, or empty if it can. */
    public Optional<String> problem() {
        if (name.isEmpty()) {
            return Optional.of("Please enter a name.");
        }
        if (name.length() > MAX_NAME) {
            return Optional.of("The name is longer than " + MAX_NAME + " characters.");
        }
        if (email.length() > MAX_EMAIL || email.indexOf('@') < 1 || email.indexOf('@') == email.length() - 1) {
            return Optional.of("Please enter an email address like ada@example.org.");
        }
        return Optional.empty();
    }
}
