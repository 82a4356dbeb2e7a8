package dev.stagehand.sagas.stream;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stagehand.platform.metrics.OutboundCalls;
import dev.stagehand.sagas.stream.HelixStreams.LiveStream;
import dev.stagehand.sagas.twitch.AppHelix;
import dev.stagehand.sagas.twitch.TwitchEndpoints;
import dev.stagehand.twitchsim.TwitchSim;
import dev.stagehand.twitchsim.world.SimGame;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Polling 10,000 watched streamers stays inside Twitch's Helix budget: 100 ids a call, so one round costs 100 of the
 * app's 800 points a minute, and the simulator, which answers 429 like Twitch once they are spent, never has to.
 */
class HelixStreamsTest {

    private static final int WATCHED = 10_000;

    private TwitchSim twitch;
    private HelixStreams helix;

    @BeforeEach
    void start() {
        twitch = TwitchSim.start(0);
        helix = new HelixStreams(new AppHelix(new TwitchEndpoints(true, TwitchSim.CLIENT_ID, TwitchSim.CLIENT_SECRET,
                twitch.chatUrl(), twitch.helixUrl(), twitch.identityUrl(), twitch.eventSubUrl(), null),
                new OutboundCalls(new SimpleMeterRegistry())));
    }

    @AfterEach
    void stop() {
        twitch.close();
    }

    @Test
    void tenThousandWatchedStreamersArePolledInBatchesWithinTheRateLimit() {
        SimGame game = twitch.world().game("509658", "Just Chatting");
        List<String> ids = IntStream.range(0, WATCHED)
                .mapToObj(i -> twitch.world().user(String.format("watched_%05d", i)).id()).toList();
        List<String> live = IntStream.range(0, WATCHED).filter(i -> i % 4 == 0)
                .mapToObj(i -> twitch.world().goLive(String.format("watched_%05d", i), game, "Stream " + i, 1)
                        .broadcaster().id()).toList();

        // Three rounds in a row (three minutes' worth at the default interval) inside one minute: 300 points. One
        // id per call would spend 10,000 and be refused with 429; all ids in one call would be refused with 400.
        for (int round = 0; round < 3; round++) {
            List<LiveStream> seen = helix.ofBroadcasters(ids);
            assertThat(seen).extracting(LiveStream::broadcasterId).containsExactlyInAnyOrderElementsOf(live);
        }
    }
}
