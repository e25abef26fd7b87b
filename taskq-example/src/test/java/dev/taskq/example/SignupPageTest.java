package dev.taskq.example;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.OffsetDateTime;
import java.util.EnumMap;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Visitors type names and emails that the page prints back: nothing they type may become markup. */
class SignupPageTest {

    private static final String HOSTILE = "<script>alert('x&y')</script>\"";

    @Test
    void escapesTheFiveSpecialCharacters() {
        assertEquals("&lt;a href=&quot;x&quot;&gt;Tom &amp; Jerry&#39;s&lt;/a&gt;", Html.escape("<a href=\"x\">Tom & Jerry's</a>"));
        assertEquals("", Html.escape(null));
    }

    @Test
    void printsVisitorInputOnlyEscaped() {
        OffsetDateTime now = OffsetDateTime.now();
        Signup signup = new Signup(HOSTILE, HOSTILE + "@example.org", now);
        SentMail mail = new SentMail(signup, "Welcome, " + HOSTILE, now.plusNanos(150_000_000));
        Dashboard.Snapshot state = new Dashboard.Snapshot(now, List.of(signup), List.of(mail), new EnumMap<>(TaskGroup.class), List.of());

        String html = SignupPage.render(state, SignupForm.of(HOSTILE, HOSTILE), Optional.of(HOSTILE), Optional.empty());

        assertFalse(html.contains("<script>alert"), html);
        assertTrue(html.contains("&lt;script&gt;alert(&#39;x&amp;y&#39;)&lt;/script&gt;&quot;"), html);
        assertTrue(html.contains("150 ms"), html);
    }

    @Test
    void acceptsANameAndAnEmailAndExplainsWhatIsMissing() {
        assertEquals(Optional.empty(), SignupForm.of(" Ada ", "ada@example.org").problem());
        assertEquals("Ada", SignupForm.of(" Ada ", "ada@example.org").name());
        assertTrue(SignupForm.of("", "ada@example.org").problem().isPresent());
        assertTrue(SignupForm.of("Ada", "ada").problem().isPresent());
        assertTrue(SignupForm.of(null, null).problem().isPresent());
    }
}
