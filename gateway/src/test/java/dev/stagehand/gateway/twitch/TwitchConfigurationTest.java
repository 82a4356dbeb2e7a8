package dev.stagehand.gateway.twitch;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stagehand.sagas.twitch.TwitchEndpoints;
import dev.stagehand.twitchsim.TwitchSim;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;

/** A Twitch client id means the real Twitch; none means the demo, on the bundled simulator. */
class TwitchConfigurationTest {

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties({TwitchProperties.class, DemoProperties.class})
    static class Properties {
    }

    private final ApplicationContextRunner context = new ApplicationContextRunner()
            .withUserConfiguration(Properties.class, TwitchConfiguration.class);

    @Test
    void withAClientIdStagehandTalksToTheRealTwitchAndStartsNoSimulator() {
        context.withPropertyValues("stagehand.twitch.client-id=abc", "stagehand.twitch.client-secret=def")
                .run(app -> {
                    assertThat(app).doesNotHaveBean(TwitchSim.class);
                    TwitchEndpoints twitch = app.getBean(TwitchEndpoints.class);
                    assertThat(twitch.simulated()).isFalse();
                    assertThat(twitch.clientId()).isEqualTo("abc");
                    assertThat(twitch.helixUrl()).isEqualTo("https://api.twitch.tv/helix");
                    assertThat(twitch.toString()).doesNotContain("def");
                });
    }

    @Test
    void withoutAClientIdTheDemoRunsOnTheSimulatorWithLiveChannels() {
        context.withPropertyValues("stagehand.twitch.client-id=").run(app -> {
            TwitchSim simulator = app.getBean(TwitchSim.class);
            TwitchEndpoints twitch = app.getBean(TwitchEndpoints.class);
            assertThat(twitch.simulated()).isTrue();
            assertThat(twitch.helixUrl()).isEqualTo(simulator.helixUrl());
            assertThat(twitch.controlUrl()).endsWith("/sim");
            assertThat(simulator.world().liveStreams()).extracting(stream -> stream.broadcaster().login())
                    .contains("pixelpanda", "speedrunsam", "chesscat");
            assertThat(simulator.world().userByLogin(DemoWorld.STREAMER)).isPresent();
        });
    }
}
