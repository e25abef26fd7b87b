package dev.taskq.cdi.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class DurationFormatTest {

    @ParameterizedTest(name = "{0} is {1}")
    @CsvSource({
            "500ms,  PT0.5S",
            "1s,     PT1S",
            "2m,     PT2M",
            "1h,     PT1H",
            "1d,     PT24H",
            "30,     PT30S",
            "PT1.5S, PT1.5S",
            "' 5S ', PT5S",
    })
    void shouldReadEveryDocumentedForm(String text, Duration expected) {
        assertThat(DurationFormat.parse(text)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "''{0}''")
    @ValueSource(strings = {"soon", "", "-1s", "1x", "1.5s", "s"})
    void shouldRejectTextThatIsNoDuration(String text) {
        assertThatThrownBy(() -> DurationFormat.parse(text))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(DurationFormat.ALLOWED);
    }
}
