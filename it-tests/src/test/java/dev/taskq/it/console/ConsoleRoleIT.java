package dev.taskq.it.console;

import static org.assertj.core.api.Assertions.assertThat;

import dev.taskq.it.harness.Deployments;
import java.net.http.HttpResponse;
import java.util.Map;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The console's role is configurable ({@code taskq.console.role}, read by ConsoleRoleFilter). A unit test
 * in taskq-jsf-console cannot check it: the module has no test dependencies, and the filter reads
 * MicroProfile Config and asks the container whether the user is in the role, so a test without a
 * server would test only fakes. Here a deployment renames the role to {@code operator}, maps it to the
 * user {@code visitor}, and keeps the default role {@code taskq-admin} mapped to {@code admin}.
 * Plain HTTP, no browser.
 *
 * <p>An EAR around the console's WAR: Liberty reads ibm-application-bnd.xml only from an EAR. A WAR alone
 * gets Liberty's fallback, the user's group names as roles, and the registry has no group operator.
 */
@ExtendWith(ArquillianExtension.class)
class ConsoleRoleIT {

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        WebArchive war = Deployments.consoleWar("console-role-it", Map.of("taskq.console.role", "operator"));
        // replaced, not added to: consoleWar brings the web.xml of ConsoleIT
        war.delete("WEB-INF/web.xml");
        war.addAsWebInfResource("it/console/role-web.xml", "web.xml");
        return ShrinkWrap.create(EnterpriseArchive.class, "console-role-it.ear")
                .addAsModule(war)
                .addAsManifestResource("it/console/role-ibm-application-bnd.xml", "ibm-application-bnd.xml");
    }

    @Test
    void aUserInTheConfiguredRoleGetsInAndOneWithOnlyTheDefaultRoleIsForbidden() throws Exception {
        HttpResponse<String> operator = new ConsoleHttp(base()).logIn("visitor", "visitor-secret").get("taskq/index.xhtml");
        HttpResponse<String> admin = new ConsoleHttp(base()).logIn("admin", "admin-secret").get("taskq/index.xhtml");

        assertThat(operator.statusCode()).as(operator.body()).isEqualTo(200);
        assertThat(operator.body()).contains("Per task and queue");
        assertThat(admin.statusCode()).isEqualTo(403);
        assertThat(admin.body()).contains("TASKQ05001").containsPattern("needs the role (&#39;|')operator(&#39;|')")
                .doesNotContain("Per task and queue");
    }

    private static String base() {
        return "http://localhost:" + System.getProperty("taskq.it.http.port", "9580") + "/console-role-it/";
    }
}
