package dev.taskq.it.harness;

import java.nio.file.Path;

/** Where the build put the Liberty server and the test WAR's libraries (system properties set by failsafe). */
public final class ServerFiles {

    private ServerFiles() {
    }

    static Path overridesDirectory() {
        return Path.of(required("taskq.it.server.dir")).resolve("configDropins").resolve("overrides");
    }

    /**
     * The second server's directory ({@code taskqNode}, or {@code taskqNodeEclipseLink} in the EclipseLink run: the
     * build sets the property), which tests run as a process of their own.
     */
    static Path nodeServerDirectory() {
        return Path.of(required("taskq.it.node.server.dir"));
    }

    static int nodeHttpPort() {
        return Integer.parseInt(required("taskq.it.node.http.port"));
    }

    static Path librariesDirectory() {
        return Path.of(required("taskq.it.libs"));
    }

    private static String required(String property) {
        String value = System.getProperty(property);
        if (value == null) {
            throw new IllegalStateException("System property " + property + " is not set; run the integration tests with mvn verify");
        }
        return value;
    }
}
