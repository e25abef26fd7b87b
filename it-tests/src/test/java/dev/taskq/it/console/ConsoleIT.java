package dev.taskq.it.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.taskq.it.harness.Deployments;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.awaitility.Awaitility;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.WebElement;

/**
 * The admin console in a real headless Chromium against a Liberty deployment that adds the console
 * jar and a FORM login page, and nothing else for the console. Runs as a client; the rows are seeded
 * by JDBC from the test JVM. Screenshots of three pages go to {@code taskq.it.screenshots}.
 */
@ExtendWith(ArquillianExtension.class)
class ConsoleIT {

    private static final String ADMIN = "admin";
    private static final String ADMIN_PASSWORD = "admin-secret";

    @Deployment(testable = false)
    static WebArchive deployment() {
        // dirty only after an hour, so seeded "active" rows stay active; the node works queue default only
        return Deployments.consoleWar("console-it", Map.of("taskq.dirty-after", "1h", "taskq.poll-interval", "100ms"),
                ConsoleTasks.class);
    }

    private static Browser browser;

    @BeforeEach
    void emptyTable() {
        Seed.clear();
        if (browser != null) {
            browser.forget();
        }
    }

    @AfterAll
    static void closeBrowser() throws IOException {
        if (browser != null) {
            browser.close();
            browser = null;
        }
    }

    @Test
    void theSummaryShowsTheCountsOfEveryGroupPerTaskAndQueue() throws IOException {
        Seed.everyGroup();

        Browser browser = loggedInAdmin();

        assertThat(browser.find(".total-failed").getText()).isEqualTo("3");
        assertThat(browser.find(".total-dirty").getText()).isEqualTo("1");
        assertThat(browser.find(".total-active").getText()).isEqualTo("2");
        assertThat(browser.find(".total-pending").getText()).isEqualTo("6");
        assertThat(browser.find(".total-future").getText()).isEqualTo("5");
        assertThat(summaryRows(browser)).containsExactly(
                "Invoices.render billing 0 0 0 1 2",
                "Mailer.welcome mail 2 1 0 4 0",
                "Reports.daily reports 1 0 2 1 3");
        assertThat(browser.find("#oldest-pending").getText()).matches("[45]m \\d+s"); // the oldest pending is 5 minutes due
        browser.screenshot("console-summary.png");

        browser.find("#summary a.count-link").click(); // Invoices.render/billing, pending
        browser.await().until(driver -> driver.getCurrentUrl().contains("group.xhtml"));
        assertThat(browser.url()).contains("group=pending", "name=Invoices.render", "queue=billing");
        assertThat(taskRows(browser)).hasSize(1);
    }

    @Test
    void aGroupIsFilteredByTaskNameAndQueue() throws IOException {
        Instant due = Instant.now().minusSeconds(60);
        for (int i = 0; i < 3; i++) {
            Seed.waiting("Mailer.welcome", "mail", "[" + i + "]", due.plusSeconds(i));
        }
        Seed.waiting("Mailer.welcome", "bulk", "[10]", due);
        Seed.waiting("Mailer.welcome", "bulk", "[11]", due);
        Seed.waiting("Reports.daily", "mail", "[20]", due);
        Browser browser = loggedInAdmin();
        browser.open("taskq/group.xhtml?group=pending");
        assertThat(browser.find("#range").getText()).isEqualTo("1–6 of 6");

        browser.find("#filter-name").sendKeys("Mailer.welcome");
        browser.find("#filter-queue").sendKeys("mail");
        browser.click("#filter-apply");

        browser.await().until(driver -> browser.find("#range").getText().equals("1–3 of 3"));
        assertThat(browser.url()).contains("name=Mailer.welcome", "queue=mail");
        assertThat(taskRows(browser)).extracting(row -> cells(row).subList(0, 3))
                .containsExactly(List.of("Mailer.welcome", "[0]", "mail"), List.of("Mailer.welcome", "[1]", "mail"),
                        List.of("Mailer.welcome", "[2]", "mail"));
    }

    @Test
    void aGroupIsPagedForwardAndBackAndSortedEitherWay() throws IOException {
        Instant start = Instant.now().plus(Duration.ofHours(1));
        List<UUID> ids = new ArrayList<>();
        for (int i = 0; i < 45; i++) {
            ids.add(Seed.waiting("Digest.weekly", "reports", "[" + i + "]", start.plusSeconds(60L * i)));
        }
        Browser browser = loggedInAdmin();
        browser.open("taskq/group.xhtml?group=future&name=Digest.weekly");
        assertThat(browser.find("#range").getText()).isEqualTo("1–20 of 45");
        assertThat(browser.find("#page-of").getText()).isEqualTo("Page 1 of 3");
        assertThat(firstTask(browser)).isEqualTo(ids.get(0));

        browser.click("a#next");
        browser.await().until(driver -> browser.find("#page-of").getText().equals("Page 2 of 3"));
        assertThat(browser.find("#range").getText()).isEqualTo("21–40 of 45");
        assertThat(firstTask(browser)).isEqualTo(ids.get(20));
        assertThat(browser.url()).contains("name=Digest.weekly");

        browser.click("a#next");
        browser.await().until(driver -> browser.find("#page-of").getText().equals("Page 3 of 3"));
        assertThat(taskRows(browser)).hasSize(5);
        assertThat(browser.all("a#next")).as("no next link on the last page").isEmpty();

        browser.click("a#previous");
        browser.await().until(driver -> browser.find("#page-of").getText().equals("Page 2 of 3"));
        assertThat(firstTask(browser)).isEqualTo(ids.get(20));

        browser.click("a[id$='sort']");
        browser.await().until(driver -> browser.url().contains("sort=desc"));
        assertThat(browser.find("#page-of").getText()).isEqualTo("Page 1 of 3");
        assertThat(firstTask(browser)).isEqualTo(ids.get(44));
    }

    @Test
    void theTaskPageShowsTheArgumentsAsJsonAndTheWholeStackTrace() throws IOException {
        Seed.everyGroup();
        Browser browser = loggedInAdmin();
        browser.open("taskq/group.xhtml?group=failed");
        assertThat(taskRows(browser)).hasSize(3);
        browser.screenshot("console-group.png");

        browser.all("#rows a.task-link").get(0).click(); // the oldest: Mailer.welcome for ada@example.com
        String arguments = browser.find("#arguments").getText();

        assertThat(arguments).contains("\"userId\": 42", "\"email\": \"ada@example.com\"", "\"en-GB\"");
        assertThat(arguments.lines().count()).as("indented over several lines").isGreaterThan(3);
        String trace = browser.find("#traceback").getText();
        assertThat(trace.lines().map(String::strip)).containsExactlyElementsOf(Seed.TRACE.lines().map(String::strip).toList());
        assertThat(browser.find("#error").getText()).contains("mailbox unavailable");
        assertThat(browser.text()).contains("Retries", "Execute at", "Alive at", "node-7f3a");
        browser.screenshot("console-task.png", 1180);
    }

    @Test
    void retryNowRunsAFailedTaskAndItDisappears() throws IOException {
        UUID id = Seed.failed("ConsoleTasks.record", "default", "[\"retried-by-console\"]", "java.lang.IllegalStateException: down",
                "java.lang.IllegalStateException: down", Instant.now().minusSeconds(60));
        Browser browser = loggedInAdmin();
        browser.open("taskq/task.xhtml?id=" + id);

        browser.click("input[id='task:retry']");

        browser.await().until(driver -> browser.url().contains("group.xhtml"));
        assertThat(browser.find(".messages").getText()).contains("Task " + id + " will run now.");
        Awaitility.await().atMost(Duration.ofSeconds(30))
                .until(() -> !Seed.exists(id) && Seed.effectExists("retried-by-console"));
        browser.open("taskq/group.xhtml?group=failed");
        assertThat(browser.find(".empty-note").getText()).contains("No failed tasks");
    }

    @Test
    void aSelectionIsDeleted() throws IOException {
        Instant due = Instant.now().minusSeconds(600);
        UUID first = Seed.failed("Reports.daily", "reports", "[1]", "boom", "trace", due);
        UUID second = Seed.failed("Reports.daily", "reports", "[2]", "boom", "trace", due.plusSeconds(1));
        UUID third = Seed.failed("Reports.daily", "reports", "[3]", "boom", "trace", due.plusSeconds(2));
        Browser browser = loggedInAdmin();
        browser.open("taskq/group.xhtml?group=failed");

        browser.click("input[name='selected'][value='" + first + "']");
        browser.click("input[name='selected'][value='" + third + "']");
        browser.click("input[id='tasks:deleteSelected']");

        browser.await().until(driver -> browser.text().contains("Deleted 2 tasks."));
        assertThat(taskRows(browser)).extracting(row -> row.getAttribute("data-task")).containsExactly(second.toString());
        assertThat(Seed.exists(first)).isFalse();
        assertThat(Seed.exists(second)).isTrue();
        assertThat(Seed.exists(third)).isFalse();
    }

    @Test
    void everythingMatchingAFilterIsDeletedAfterConfirmingTheCount() throws IOException {
        Instant due = Instant.now().minusSeconds(60);
        for (int i = 0; i < 5; i++) {
            Seed.waiting("Mailer.welcome", "mail", "[" + i + "]", due);
        }
        Seed.waiting("Reports.daily", "mail", "[1]", due);
        Seed.waiting("Reports.daily", "mail", "[2]", due);
        Browser browser = loggedInAdmin();
        browser.open("taskq/group.xhtml?group=pending&name=Mailer.welcome&queue=mail");

        browser.click("input[id='tasks:deleteAll']");

        assertThat(browser.find("[id='tasks:question']").getText())
                .isEqualTo("Delete 5 pending tasks named Mailer.welcome, in queue mail? This cannot be undone.");
        assertThat(Seed.tasks("Mailer.welcome")).as("nothing is deleted before the confirmation").isEqualTo(5);
        WebElement confirm = browser.find("input[id='tasks:confirmYes']");
        assertThat(confirm.getAttribute("value")).isEqualTo("Delete 5 tasks");
        confirm.click();

        browser.await().until(driver -> browser.text().contains("Deleted 5 tasks."));
        assertThat(Seed.tasks("Mailer.welcome")).isZero();
        assertThat(Seed.tasks("Reports.daily")).isEqualTo(2);
        assertThat(browser.url()).contains("name=Mailer.welcome", "queue=mail");
        assertThat(browser.find(".empty-note").getText()).contains("No pending tasks match the filter");
    }

    @Test
    void retrySelectedMakesTheTickedDirtyTasksPendingWithOneRetryMoreAndTheErrorCleared() throws IOException {
        // queue mail: this node works only queue default, so the retried rows stay pending to be looked at
        UUID retriedBefore = Seed.dirty("Mailer.welcome", "mail", "[1]", 1, "java.net.SocketTimeoutException: Read timed out");
        UUID neverFailed = Seed.dirty("Mailer.welcome", "mail", "[2]");
        UUID unticked = Seed.dirty("Mailer.welcome", "mail", "[3]");
        Seed.Stored untickedBefore = Seed.stored(unticked);
        Browser browser = loggedInAdmin();
        browser.open("taskq/group.xhtml?group=dirty");
        Instant clicked = Instant.now();

        browser.click("input[name='selected'][value='" + retriedBefore + "']");
        browser.click("input[name='selected'][value='" + neverFailed + "']");
        browser.click("input[id='tasks:retrySelected']");

        browser.await().until(driver -> browser.text().contains("2 tasks will run now."));
        assertThat(taskIds(browser)).containsExactly(unticked);
        assertRetriedNow(retriedBefore, 2, clicked);
        assertRetriedNow(neverFailed, 1, clicked);
        assertThat(Seed.stored(unticked)).as("not ticked").isEqualTo(untickedBefore);
    }

    @Test
    void retryAllMatchingAsksWithTheCountAndRetriesOnlyOnceConfirmed() throws IOException {
        Instant due = Instant.now().minusSeconds(600);
        List<UUID> matching = List.of(
                Seed.failed("Reports.daily", "reports", "[1]", "java.lang.IllegalStateException: no rates", "trace", due),
                Seed.failed("Reports.daily", "reports", "[2]", "java.lang.IllegalStateException: no rates", "trace", due.plusSeconds(1)),
                Seed.failed("Reports.daily", "reports", "[3]", "java.lang.IllegalStateException: no rates", "trace", due.plusSeconds(2)));
        UUID otherName = Seed.failed("Invoices.render", "reports", "[4]", "boom", "trace", due);
        UUID otherQueue = Seed.failed("Reports.daily", "billing", "[5]", "boom", "trace", due);
        List<UUID> all = List.of(matching.get(0), matching.get(1), matching.get(2), otherName, otherQueue);
        Map<UUID, Seed.Stored> before = stored(all);
        Browser browser = loggedInAdmin();
        browser.open("taskq/group.xhtml?group=failed&name=Reports.daily&queue=reports");

        browser.click("input[id='tasks:retryAll']");

        assertThat(browser.find("[id='tasks:question']").getText()).isEqualTo("Retry 3 failed tasks named Reports.daily, in queue reports now?");
        assertThat(browser.find("input[id='tasks:confirmYes']").getAttribute("value")).isEqualTo("Retry 3 tasks");
        assertThat(stored(all)).as("nothing is retried before the confirmation").isEqualTo(before);
        browser.click("input[id='tasks:confirmNo']");
        browser.await().until(driver -> browser.all("[id='tasks:confirm']").isEmpty());
        assertThat(stored(all)).as("Cancel retries nothing").isEqualTo(before);
        assertThat(browser.find("#range").getText()).isEqualTo("1–3 of 3");

        Instant confirmed = Instant.now();
        browser.click("input[id='tasks:retryAll']");
        browser.click("input[id='tasks:confirmYes']");

        browser.await().until(driver -> browser.text().contains("3 tasks will run now."));
        matching.forEach(id -> assertRetriedNow(id, 4, confirmed));
        assertThat(Seed.stored(otherName)).as("another task name").isEqualTo(before.get(otherName));
        assertThat(Seed.stored(otherQueue)).as("another queue").isEqualTo(before.get(otherQueue));
        assertThat(browser.url()).contains("name=Reports.daily", "queue=reports");
        assertThat(browser.find(".empty-note").getText()).contains("No failed tasks match the filter");
    }

    @Test
    void deleteOnTheTaskPageRemovesTheTaskAndReturnsToItsGroup() throws IOException {
        UUID future = Seed.waiting("Reports.daily", "reports", "[\"2025-06-01\"]", Instant.now().plus(Duration.ofDays(1)));
        UUID laterFuture = Seed.waiting("Reports.daily", "reports", "[\"2025-06-02\"]", Instant.now().plus(Duration.ofDays(2)));
        UUID dirty = Seed.dirty("Mailer.welcome", "mail", "[1]");
        Browser browser = loggedInAdmin();

        browser.open("taskq/task.xhtml?id=" + future);
        browser.click("input[id='task:delete']");

        browser.await().until(driver -> browser.url().contains("group.xhtml"));
        assertThat(browser.url()).contains("group=future");
        assertThat(browser.find(".messages").getText()).contains("Deleted task " + future + ".");
        assertThat(taskIds(browser)).containsExactly(laterFuture);
        assertThat(Seed.exists(future)).isFalse();
        browser.open("taskq/task.xhtml?id=" + future);
        assertThat(browser.find(".messages").getText()).contains("TASKQ05003");

        browser.open("taskq/task.xhtml?id=" + dirty);
        browser.click("input[id='task:delete']");

        browser.await().until(driver -> browser.url().contains("group.xhtml"));
        assertThat(browser.url()).contains("group=dirty");
        assertThat(browser.find(".messages").getText()).contains("Deleted task " + dirty + ".");
        assertThat(browser.find(".empty-note").getText()).contains("No dirty tasks");
        assertThat(Seed.exists(dirty)).isFalse();
        assertThat(Seed.exists(laterFuture)).isTrue();
    }

    @Test
    void aTimeRangeShowsTheTasksDueFromItsStartUntilBeforeItsEnd() throws IOException {
        Instant start = Instant.now().minus(Duration.ofHours(10)).truncatedTo(ChronoUnit.MINUTES);
        List<UUID> hourly = new ArrayList<>();
        for (int hour = 0; hour < 5; hour++) {
            hourly.add(Seed.waiting("Reports.daily", "reports", "[" + hour + "]", start.plus(Duration.ofHours(hour))));
        }
        String oneHourIn = dateTimeLocal(start.plus(Duration.ofHours(1)));
        String threeHoursIn = dateTimeLocal(start.plus(Duration.ofHours(3)));
        Browser browser = loggedInAdmin();

        browser.open("taskq/group.xhtml?group=pending&from=" + oneHourIn + "&to=" + threeHoursIn);

        assertThat(browser.find("#range").getText()).isEqualTo("1–2 of 2");
        assertThat(taskIds(browser)).as("due exactly at from: in; exactly at to: out").containsExactly(hourly.get(1), hourly.get(2));
        assertThat(browser.find("#filter-from").getAttribute("value")).isEqualTo(oneHourIn);
        assertThat(browser.find("#filter-to").getAttribute("value")).isEqualTo(threeHoursIn);

        browser.open("taskq/group.xhtml?group=pending&from=" + threeHoursIn);
        assertThat(taskIds(browser)).containsExactly(hourly.get(3), hourly.get(4));

        browser.open("taskq/group.xhtml?group=pending&to=" + oneHourIn);
        assertThat(taskIds(browser)).containsExactly(hourly.get(0));
    }

    @Test
    void theSummaryReflectsACommandAtOnce() throws IOException {
        Seed.everyGroup();
        Browser browser = loggedInAdmin();
        assertThat(browser.find(".total-failed").getText()).isEqualTo("3");

        browser.open("taskq/group.xhtml?group=failed&name=Mailer.welcome");
        tickEveryRow(browser);
        browser.click("input[id='tasks:retrySelected']");
        browser.await().until(driver -> browser.text().contains("2 tasks will run now."));
        browser.open("taskq/group.xhtml?group=future&name=Invoices.render");
        tickEveryRow(browser);
        browser.click("input[id='tasks:deleteSelected']");
        browser.await().until(driver -> browser.text().contains("Deleted 2 tasks."));
        browser.click("a.brand");

        browser.await().until(driver -> !browser.all("#summary").isEmpty());
        assertThat(browser.find(".total-failed").getText()).isEqualTo("1");
        assertThat(browser.find(".total-dirty").getText()).isEqualTo("1");
        assertThat(browser.find(".total-active").getText()).isEqualTo("2");
        assertThat(browser.find(".total-pending").getText()).as("the 2 retried wait in queue mail, which no node works").isEqualTo("8");
        assertThat(browser.find(".total-future").getText()).isEqualTo("3");
        assertThat(summaryRows(browser)).containsExactly(
                "Invoices.render billing 0 0 0 1 0",
                "Mailer.welcome mail 0 1 0 6 0",
                "Reports.daily reports 1 0 2 1 3");
    }

    @Test
    void theSummaryShowsTheOldestPendingAgeOfEachRowAndItsTotalsOpenTheirGroup() throws IOException {
        Instant seeded = Instant.now();
        Seed.everyGroup(); // oldest pending: Mailer.welcome 5 min, Invoices.render 90 s, Reports.daily 30 s before seeding
        Seed.failed("Digest.weekly", "reports", "[1]", "boom", "trace", seeded.minusSeconds(60)); // nothing pending
        Browser browser = loggedInAdmin();
        browser.find("#summary");
        long sinceSeeding = Duration.between(seeded, Instant.now()).toSeconds() + 1;

        Map<String, String> ages = oldestPendingByRow(browser);

        assertThat(ages).containsOnlyKeys("Digest.weekly reports", "Invoices.render billing", "Mailer.welcome mail", "Reports.daily reports");
        assertThat(ages.get("Digest.weekly reports")).isEqualTo("—");
        assertThat(ageSeconds(ages.get("Mailer.welcome mail"))).isBetween(300L, 300 + sinceSeeding);
        assertThat(ageSeconds(ages.get("Invoices.render billing"))).isBetween(90L, 90 + sinceSeeding);
        assertThat(ageSeconds(ages.get("Reports.daily reports"))).isBetween(30L, 30 + sinceSeeding);

        browser.click("#totals a.card.future");

        browser.await().until(driver -> browser.url().contains("group.xhtml"));
        assertThat(browser.url()).contains("group=future").doesNotContain("name=", "queue=");
        assertThat(browser.find("main h1").getText()).isEqualTo("Future tasks");
        assertThat(browser.find("#range").getText()).isEqualTo("1–5 of 5");
    }

    @Test
    void aPageNumberFarPastTheEndShowsTheLastPage() throws IOException {
        Instant due = Instant.now().minusSeconds(600);
        for (int i = 0; i < 25; i++) {
            Seed.failed("Reports.daily", "reports", "[" + i + "]", "boom", "trace", due.plusSeconds(i));
        }
        Browser browser = loggedInAdmin();

        // (page - 1) * 20 rows is past Integer.MAX_VALUE: the offset must not overflow into an error
        browser.open("taskq/group.xhtml?group=failed&page=200000000");

        assertThat(browser.find("#page-of").getText()).isEqualTo("Page 2 of 2");
        assertThat(browser.find("#range").getText()).isEqualTo("21–25 of 25");
        assertThat(taskRows(browser)).hasSize(5);
    }

    @Test
    void aUserWithoutTheRoleIsForbidden() throws Exception {
        ConsoleHttp visitor = new ConsoleHttp(base()).logIn("visitor", "visitor-secret");

        HttpResponse<String> summary = visitor.get("taskq/index.xhtml");
        HttpResponse<String> group = visitor.get("taskq/group.xhtml?group=failed");

        assertThat(summary.statusCode()).isEqualTo(403);
        assertThat(summary.body()).contains("TASKQ05001").doesNotContain("Tasks");
        assertThat(group.statusCode()).isEqualTo(403);
        HttpResponse<String> admin = new ConsoleHttp(base()).logIn(ADMIN, ADMIN_PASSWORD).get("taskq/index.xhtml");
        assertThat(admin.statusCode()).isEqualTo(200);
        assertThat(admin.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(csp -> assertThat(csp).contains("script-src 'self'"));
    }

    @Test
    void anUnauthenticatedRequestIsSentToLogIn() throws Exception {
        HttpResponse<String> response = new ConsoleHttp(base()).get("taskq/group.xhtml?group=failed");

        assertThat(response.statusCode()).isIn(302, 303);
        assertThat(response.headers().firstValue("Location")).hasValueSatisfying(location -> assertThat(location).endsWith("/login.html"));
        // outside /taskq/ only the stylesheet is served: never the pages' source as a Faces resource
        assertThat(new ConsoleHttp(base()).get("jakarta.faces.resource/taskq.css.xhtml?ln=taskq").statusCode()).isEqualTo(200);
        assertThat(new ConsoleHttp(base()).get("jakarta.faces.resource/group.xhtml.xhtml?ln=taskq").statusCode()).isEqualTo(404);

        Browser browser = browser();
        browser.open("taskq/");
        assertThat(browser.find("#login-form")).isNotNull();
        assertThat(browser.url()).endsWith("/login.html");
    }

    @Test
    void aPostWithoutTheViewStateOfARenderedPageChangesNothing() throws Exception {
        UUID id = Seed.failed("Reports.daily", "reports", "[1]", "boom", "trace", Instant.now().minusSeconds(60));
        ConsoleHttp admin = new ConsoleHttp(base()).logIn(ADMIN, ADMIN_PASSWORD);
        HttpResponse<String> page = admin.get("taskq/group.xhtml?group=failed");
        assertThat(page.statusCode()).isEqualTo(200);
        String viewState = ConsoleHttp.viewState(page.body());

        // what a forged cross-site form can send: everything but a view state the server gave this session
        admin.post("taskq/group.xhtml", deleteForm(id, "forged-" + UUID.randomUUID()));
        admin.post("taskq/group.xhtml", deleteForm(id, null));
        assertThat(Seed.exists(id)).as("deleted by a forged POST").isTrue();

        // the same POST with the page's own view state works: the view state alone stopped the others
        admin.post("taskq/group.xhtml", deleteForm(id, viewState));
        assertThat(Seed.exists(id)).isFalse();
    }

    @Test
    void aPostWithTheViewStateOfAnotherSessionChangesNothing() throws Exception {
        UUID id = Seed.failed("Reports.daily", "reports", "[1]", "boom", "trace", Instant.now().minusSeconds(60));
        ConsoleHttp victim = new ConsoleHttp(base()).logIn(ADMIN, ADMIN_PASSWORD);
        assertThat(victim.get("taskq/group.xhtml?group=failed").statusCode()).isEqualTo(200); // a view of its own, too
        ConsoleHttp other = new ConsoleHttp(base()).logIn(ADMIN, ADMIN_PASSWORD);
        String othersViewState = ConsoleHttp.viewState(other.get("taskq/group.xhtml?group=failed").body());

        // a forged form with a real view state, fetched in another session: the victim's cookies must not make it valid
        victim.post("taskq/group.xhtml", deleteForm(id, othersViewState));
        assertThat(Seed.exists(id)).as("deleted by a POST with another session's view state").isTrue();

        // in its own session the same view state works: it was valid, only not the victim's
        other.post("taskq/group.xhtml", deleteForm(id, othersViewState));
        assertThat(Seed.exists(id)).isFalse();
    }

    @Test
    void argumentsAndErrorsAreShownAsTextAndNoScriptInThemRuns() throws IOException {
        UUID id = Seed.failed("Mailer.welcome", "mail", "[\"<script>alert(1)</script>\"]", "<img src=x onerror=alert(2)>",
                "<script>alert(3)</script>", Instant.now().minusSeconds(60));
        Browser browser = loggedInAdmin();

        browser.open("taskq/group.xhtml?group=failed");
        assertThat(browser.alertOpen()).isFalse();
        assertThat(browser.find("#rows .args").getText()).isEqualTo("[\"<script>alert(1)</script>\"]");
        assertThat(browser.find("#rows .error").getText()).isEqualTo("<img src=x onerror=alert(2)>");
        assertThat(browser.all("#rows script, #rows img")).isEmpty();

        browser.open("taskq/task.xhtml?id=" + id);
        assertThat(browser.alertOpen()).isFalse();
        assertThat(browser.find("#arguments").getText()).isEqualTo("[\n    \"<script>alert(1)</script>\"\n]");
        assertThat(browser.find("#traceback").getText()).isEqualTo("<script>alert(3)</script>");
        assertThat(browser.all("main script, main img")).isEmpty();

        // a filter value is echoed into the form's attributes, escaped
        browser.open("taskq/group.xhtml?group=failed&name=%22%3E%3Cscript%3Ealert(4)%3C%2Fscript%3E");
        assertThat(browser.alertOpen()).isFalse();
        assertThat(browser.find("#filter-name").getAttribute("value")).isEqualTo("\"><script>alert(4)</script>");
        assertThat(browser.all("main script")).isEmpty();
    }

    private static List<Map.Entry<String, String>> deleteForm(UUID id, String viewState) {
        List<Map.Entry<String, String>> form = new ArrayList<>(List.of(Map.entry("tasks", "tasks"), Map.entry("tasks_SUBMIT", "1"),
                Map.entry("selected", id.toString()), Map.entry("tasks:deleteSelected", "Delete selected")));
        if (viewState != null) {
            form.add(Map.entry("jakarta.faces.ViewState", viewState));
        }
        return form;
    }

    /** DESIGN.md "Retry now": pending again, due now, one retry more, the error and the worker's traces gone. */
    private static void assertRetriedNow(UUID id, int retries, Instant notBefore) {
        Seed.Stored row = Seed.stored(id);
        assertThat(row).as("task " + id).usingRecursiveComparison().ignoringFields("executeAt")
                .isEqualTo(new Seed.Stored(false, false, retries, null, null, null, null, null));
        assertThat(row.executeAt()).as("task " + id + " is due now").isBetween(notBefore.minusSeconds(1), Instant.now());
    }

    private static Map<UUID, Seed.Stored> stored(List<UUID> ids) {
        Map<UUID, Seed.Stored> rows = new LinkedHashMap<>();
        ids.forEach(id -> rows.put(id, Seed.stored(id)));
        return rows;
    }

    private static void tickEveryRow(Browser browser) {
        browser.find("#rows");
        browser.all("#rows input[name='selected']").forEach(WebElement::click);
    }

    /** What a {@code datetime-local} input sends, in UTC to the minute: {@code 2025-05-01T14:30}. */
    private static String dateTimeLocal(Instant instant) {
        return DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm").withZone(ZoneOffset.UTC).format(instant);
    }

    /** The summary's last column by "name queue". */
    private static Map<String, String> oldestPendingByRow(Browser browser) {
        Map<String, String> ages = new LinkedHashMap<>();
        for (WebElement row : browser.all("#summary tbody tr")) {
            List<String> cells = cells(row);
            ages.put(cells.get(0) + " " + cells.get(1), cells.get(cells.size() - 1));
        }
        return ages;
    }

    /** An age the console shows under an hour ({@code 5m 3s}, {@code 42s}) in seconds. */
    private static long ageSeconds(String age) {
        Matcher matcher = Pattern.compile("(?:(\\d+)m )?(\\d+)s").matcher(age);
        assertThat(matcher.matches()).as("an age under an hour, was " + age).isTrue();
        return (matcher.group(1) == null ? 0 : Long.parseLong(matcher.group(1)) * 60) + Long.parseLong(matcher.group(2));
    }

    private static List<UUID> taskIds(Browser browser) {
        browser.find("#rows");
        return taskRows(browser).stream().map(row -> UUID.fromString(row.getAttribute("data-task"))).toList();
    }

    private static List<String> summaryRows(Browser browser) {
        return browser.all("#summary tbody tr").stream()
                .map(row -> String.join(" ", cells(row).subList(0, 7)))
                .toList();
    }

    private static List<WebElement> taskRows(Browser browser) {
        return browser.all("#rows tbody tr");
    }

    private static UUID firstTask(Browser browser) {
        return UUID.fromString(browser.find("#rows tbody tr").getAttribute("data-task"));
    }

    private static List<String> cells(WebElement row) {
        return row.findElements(org.openqa.selenium.By.tagName("td")).stream()
                .map(WebElement::getText).map(String::strip).filter(text -> !text.isEmpty()).toList();
    }

    private static Browser loggedInAdmin() throws IOException {
        Browser browser = browser();
        browser.logIn(ADMIN, ADMIN_PASSWORD);
        return browser;
    }

    private static Browser browser() throws IOException {
        String missing = "The console's browser tests need Chromium and its driver at " + Browser.CHROMIUM
                + " and " + Browser.CHROMEDRIVER + " (apt-get install chromium chromium-driver); .ci/run installs them.";
        // on CI (CI=true, or -Dtaskq.it.browser.required=true) a missing browser fails: a green run must have run these tests
        if (Browser.required()) {
            assertThat(Browser.available()).as(missing).isTrue();
        }
        assumeTrue(Browser.available(), missing);
        if (browser == null) {
            browser = new Browser(base());
        }
        return browser;
    }

    private static String base() {
        return "http://localhost:" + System.getProperty("taskq.it.http.port", "9580") + "/console-it/";
    }
}
