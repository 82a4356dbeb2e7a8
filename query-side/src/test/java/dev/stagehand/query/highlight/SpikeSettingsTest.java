package dev.stagehand.query.highlight;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;

/** The spike settings are bound as the application starts; one out of its range stops it, named in the failure. */
class SpikeSettingsTest {

    @Configuration
    @EnableConfigurationProperties(SpikeSettings.class)
    static class Bound {
    }

    private final ApplicationContextRunner application = new ApplicationContextRunner().withUserConfiguration(
            Bound.class);

    @Test
    void theDefaultsAreTheDocumentedRule() {
        application.run(context -> {
            SpikeSettings settings = context.getBean(SpikeSettings.class);
            assertThat(settings.window()).isEqualTo(Duration.ofSeconds(5));
            assertThat(settings.rule().validated().cooldownSeconds()).isEqualTo(30);
        });
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "window=0s | stagehand.highlights.spikes.window must be whole seconds between 1s and 60s, not PT0S",
        "window=1500ms | stagehand.highlights.spikes.window must be whole seconds between 1s and 60s, not PT1.5S",
        "cooldown=-1s | stagehand.highlights.spikes.cooldown must be between 0s and 3600s, not PT-1S",
        "baseline-windows=5 | stagehand.highlights.spikes.baseline-windows must be between 10 and 3600, not 5",
        "minimum-lift=0 | stagehand.highlights.spikes.minimum-lift must be between 1 and 100000, not 0",
        "peak=61s | stagehand.highlights.spikes.peak must be whole seconds between 0s and 60s, not PT1M1S",
    })
    void aSettingOutOfItsRangeStopsTheStartNamed(String setting, String message) {
        application.withPropertyValues("stagehand.highlights.spikes." + setting).run(context -> {
            assertThat(context).hasFailed();
            assertThat(context.getStartupFailure()).rootCause().hasMessage(message);
        });
    }
}
