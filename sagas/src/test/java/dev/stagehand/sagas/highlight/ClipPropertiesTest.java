package dev.stagehand.sagas.highlight;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;

/** The clip settings are bound as the application starts; one out of its range stops it, named in the failure. */
class ClipPropertiesTest {

    @Configuration
    @EnableConfigurationProperties(ClipProperties.class)
    static class Bound {
    }

    private final ApplicationContextRunner application = new ApplicationContextRunner().withUserConfiguration(
            Bound.class);

    @Test
    void theDefaultsAreThreeAttempts() {
        application.run(context -> assertThat(context.getBean(ClipProperties.class).attemptDelays())
                .containsExactly(Duration.ZERO, Duration.ofSeconds(3), Duration.ofSeconds(6)));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "attempt-delays= | stagehand.highlights.clips.attempt-delays must be at least one wait (0s: at once), not []",
        "attempt-delays=0s,-3s | stagehand.highlights.clips.attempt-delays must be waits of 0s or more, "
                + "not [PT0S, PT-3S]",
        "look-waits= | stagehand.highlights.clips.look-waits must be at least one wait, each longer than 0s, not []",
        "look-waits=5s,0s | stagehand.highlights.clips.look-waits must be at least one wait, each longer than 0s, "
                + "not [PT5S, PT0S]",
        "latest-after=0s | stagehand.highlights.clips.latest-after must be longer than 0s, not PT0S",
    })
    void aSettingOutOfItsRangeStopsTheStartNamed(String setting, String message) {
        application.withPropertyValues("stagehand.highlights.clips." + setting).run(context -> {
            assertThat(context).hasFailed();
            assertThat(context.getStartupFailure()).rootCause().hasMessage(message);
        });
    }
}
