package dev.stagehand.command.stream;

import dev.stagehand.api.stream.RecordStreamOffline;
import dev.stagehand.api.stream.RecordStreamOnline;
import dev.stagehand.api.stream.StreamInfo;
import dev.stagehand.api.stream.StreamResumed;
import dev.stagehand.api.stream.StreamSource;
import dev.stagehand.api.stream.StreamUpdated;
import dev.stagehand.api.stream.StreamWentLive;
import dev.stagehand.api.stream.StreamWentOffline;
import java.time.Duration;
import java.time.Instant;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class StreamTest {

    private static final String PANDA = "100001";
    private static final Duration GRACE = Duration.ofMinutes(5);
    private static final Instant STARTED = Instant.parse("2026-12-02T18:00:00Z");
    private static final StreamInfo LIVE = new StreamInfo("s1", "pixelpanda", "PixelPanda", "509658",
            "Just Chatting", "Morning coffee", "en", 120, "https://thumb/{width}x{height}.jpg", STARTED);

    private AggregateTestFixture<Stream> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Stream.class);
    }

    private static RecordStreamOnline online(StreamInfo info, StreamSource source) {
        return new RecordStreamOnline(PANDA, info, source, GRACE);
    }

    private static StreamInfo with(String title, String gameId, String gameName, int viewers) {
        return new StreamInfo("s1", "pixelpanda", "PixelPanda", gameId, gameName, title, "en", viewers,
                LIVE.thumbnailUrl(), STARTED);
    }

    @Test
    void aFirstSightingIsANewStream() {
        fixture.givenNoPriorActivity()
               .when(online(LIVE, StreamSource.EVENTSUB_WEBSOCKET))
               .expectEvents(new StreamWentLive(PANDA, LIVE, StreamSource.EVENTSUB_WEBSOCKET));
    }

    @Test
    void aSecondWatcherSeeingTheSameStreamAddsNothingNorDoesAViewerCount() {
        fixture.given(new StreamWentLive(PANDA, LIVE, StreamSource.EVENTSUB_WEBSOCKET))
               .when(online(with("Morning coffee", "509658", "Just Chatting", 450), StreamSource.POLLING))
               .expectNoEvents();
    }

    @Test
    void aNewTitleOrGameIsAnUpdateThatSaysWhetherTheGameChanged() {
        StreamInfo chess = with("Morning coffee", "743", "Chess", 120);
        fixture.given(new StreamWentLive(PANDA, LIVE, StreamSource.POLLING))
               .when(online(chess, StreamSource.POLLING))
               .expectEvents(new StreamUpdated(PANDA, chess, true));
        StreamInfo retitled = with("Afternoon tea", "509658", "Just Chatting", 120);
        fixture.given(new StreamWentLive(PANDA, LIVE, StreamSource.POLLING))
               .when(online(retitled, StreamSource.POLLING))
               .expectEvents(new StreamUpdated(PANDA, retitled, false));
    }

    @Test
    void goingOfflineIsRecordedOnceAndOnlyForALiveStream() {
        fixture.givenCurrentTime(STARTED.plus(Duration.ofHours(2)))
               .andGiven(new StreamWentLive(PANDA, LIVE, StreamSource.POLLING))
               .when(new RecordStreamOffline(PANDA, StreamSource.POLLING))
               .expectEvents(new StreamWentOffline(PANDA, LIVE, STARTED.plus(Duration.ofHours(2)),
                       StreamSource.POLLING));
        fixture.given(new StreamWentLive(PANDA, LIVE, StreamSource.POLLING),
                        new StreamWentOffline(PANDA, LIVE, STARTED.plusSeconds(60), StreamSource.POLLING))
               .when(new RecordStreamOffline(PANDA, StreamSource.EVENTSUB_WEBSOCKET))
               .expectNoEvents();
        fixture.givenNoPriorActivity()
               .when(new RecordStreamOffline(PANDA, StreamSource.POLLING))
               .expectNoEvents();
    }

    @Test
    void aStreamBackWithinTheGraceIsTheSameStreamAndLaterOneIsNew() {
        Instant ended = STARTED.plus(Duration.ofHours(1));
        StreamInfo restarted = new StreamInfo("s2", "pixelpanda", "PixelPanda", "509658", "Just Chatting",
                "Morning coffee", "en", 80, LIVE.thumbnailUrl(), ended.plusSeconds(120));
        fixture.givenCurrentTime(ended)
               .andGiven(new StreamWentLive(PANDA, LIVE, StreamSource.POLLING),
                       new StreamWentOffline(PANDA, LIVE, ended, StreamSource.POLLING))
               .andGivenCurrentTime(ended.plus(Duration.ofMinutes(4)))
               .when(online(restarted, StreamSource.POLLING))
               .expectEvents(new StreamResumed(PANDA, restarted, StreamSource.POLLING));
        fixture.givenCurrentTime(ended)
               .andGiven(new StreamWentLive(PANDA, LIVE, StreamSource.POLLING),
                       new StreamWentOffline(PANDA, LIVE, ended, StreamSource.POLLING))
               .andGivenCurrentTime(ended.plus(Duration.ofMinutes(6)))
               .when(online(restarted, StreamSource.POLLING))
               .expectEvents(new StreamWentLive(PANDA, restarted, StreamSource.POLLING));
    }
}
