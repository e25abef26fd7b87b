package dev.taskq.it.badinput;

/** JSON-B writes it but cannot read it back: no no-arg constructor and no @JsonbCreator. */
public class NoDefaultConstructor {

    private final String name;

    public NoDefaultConstructor(String name) {
        this.name = name;
    }

    public String getName() {
        return name;
    }
}
