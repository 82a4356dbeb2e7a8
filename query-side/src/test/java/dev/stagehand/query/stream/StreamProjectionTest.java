package dev.stagehand.query.stream;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stagehand.api.stream.FindLiveStreams;
import dev.stagehand.api.stream.StreamInfo;
import dev.stagehand.api.stream.StreamResumed;
import dev.stagehand.api.stream.StreamSource;
import dev.stagehand.api.stream.StreamUpdated;
import dev.stagehand.api.stream.StreamView;
import dev.stagehand.api.stream.StreamWentLive;
import dev.stagehand.api.stream.StreamWentOffline;
import dev.stagehand.query.ProjectionTest;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class StreamProjectionTest extends ProjectionTest {

    private static final String BROADCASTER = "100000001";
    private static final Instant AT = Instant.parse("2026-12-04T20:00:00Z");

    private final StreamProjection projection = new StreamProjection(JDBC, WRITES, JSON);

    @BeforeEach
    void clear() {
        projection.clear();
    }

    private static StreamInfo info(String broadcaster, String title) {
        return new StreamInfo("stream-" + broadcaster, "login" + broadcaster, "Streamer " + broadcaster, "509658",
                "Just Chatting", title, "en", 42, "https://thumb/{width}x{height}.jpg", AT.minusSeconds(60));
    }

    private List<StreamView> live() {
        return projection.handle(new FindLiveStreams());
    }

    @Test
    void aStreamThatWentLiveIsListedAsItWasSeen() {
        projection.on(new StreamWentLive(BROADCASTER, info(BROADCASTER, "Hello chat"), StreamSource.POLLING), AT);
        assertThat(live()).containsExactly(new StreamView(BROADCASTER, info(BROADCASTER, "Hello chat"), AT));
    }

    @Test
    void anUpdateReplacesWhatIsListed() {
        projection.on(new StreamWentLive(BROADCASTER, info(BROADCASTER, "Hello chat"), StreamSource.POLLING), AT);
        StreamInfo speedrun = new StreamInfo("stream-" + BROADCASTER, "login", "Streamer", "1229", "Speedrun",
                "Any% attempts", "en", 100, "https://thumb/{width}x{height}.jpg", AT.minusSeconds(60));
        projection.on(new StreamUpdated(BROADCASTER, speedrun, true), AT.plusSeconds(600));
        assertThat(live()).containsExactly(new StreamView(BROADCASTER, speedrun, AT.plusSeconds(600)));
    }

    @Test
    void aStreamThatWentOfflineIsNoLongerListedUntilItResumes() {
        projection.on(new StreamWentLive(BROADCASTER, info(BROADCASTER, "Hello chat"), StreamSource.POLLING), AT);
        projection.on(new StreamWentOffline(BROADCASTER, info(BROADCASTER, "Hello chat"), AT.plusSeconds(60),
                StreamSource.EVENTSUB_WEBSOCKET));
        assertThat(live()).isEmpty();

        projection.on(new StreamResumed(BROADCASTER, info(BROADCASTER, "Back again"), StreamSource.POLLING),
                AT.plusSeconds(90));
        assertThat(live()).containsExactly(new StreamView(BROADCASTER, info(BROADCASTER, "Back again"),
                AT.plusSeconds(90)));
    }

    @Test
    void liveStreamsAreListedByBroadcasterIdAndEachGoesOfflineAlone() {
        for (String broadcaster : List.of("100000003", BROADCASTER, "100000002")) {
            projection.on(new StreamWentLive(broadcaster, info(broadcaster, "Hi"), StreamSource.POLLING), AT);
        }
        assertThat(live()).extracting(StreamView::broadcasterId)
                .containsExactly(BROADCASTER, "100000002", "100000003");

        projection.on(new StreamWentOffline("100000002", info("100000002", "Hi"), AT, StreamSource.POLLING));
        assertThat(live()).extracting(StreamView::broadcasterId).containsExactly(BROADCASTER, "100000003");
    }

    @Test
    void eachEventAppliedTwiceChangesNothing() {
        StreamWentLive wentLive = new StreamWentLive(BROADCASTER, info(BROADCASTER, "Hello chat"),
                StreamSource.POLLING);
        StreamWentOffline wentOffline = new StreamWentOffline("100000002", info("100000002", "Bye"), AT,
                StreamSource.POLLING);
        projection.on(new StreamWentLive("100000002", info("100000002", "Bye"), StreamSource.POLLING), AT);
        projection.on(wentOffline);
        projection.on(wentLive, AT);
        projection.on(wentLive, AT);
        projection.on(wentOffline);
        assertThat(live()).containsExactly(new StreamView(BROADCASTER, info(BROADCASTER, "Hello chat"), AT));
    }
}
