package dev.stagehand.query.highlight;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stagehand.api.account.AccountId;
import dev.stagehand.api.highlight.FindTopStreamsWatch;
import dev.stagehand.api.highlight.TopStreams;
import dev.stagehand.api.highlight.TopStreamsWatchConfigured;
import dev.stagehand.api.highlight.TopStreamsWatchStopped;
import dev.stagehand.api.highlight.TopStreamsWatchView;
import dev.stagehand.query.ProjectionTest;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class TopStreamsWatchProjectionTest extends ProjectionTest {

    private static final AccountId OPS = new AccountId("ops");
    private static final Instant AT = Instant.parse("2026-12-04T20:00:00Z");

    private final TopStreamsWatchProjection projection = new TopStreamsWatchProjection(JDBC, WRITES);

    @BeforeEach
    void clear() {
        projection.clear();
    }

    @Test
    void aWatchIsShownWithItsSettingsWhileItRuns() {
        assertThat(projection.handle(new FindTopStreamsWatch())).isEmpty();
        projection.on(new TopStreamsWatchConfigured(TopStreams.WATCH_ID, OPS, 20, List.of("509658", "21779"),
                List.of("en"), "100000009", "clipbot"), AT);
        assertThat(projection.handle(new FindTopStreamsWatch())).contains(new TopStreamsWatchView(20,
                List.of("509658", "21779"), List.of("en"), "100000009", "clipbot", AT));

        projection.on(new TopStreamsWatchConfigured(TopStreams.WATCH_ID, OPS, 5, List.of(), List.of(), "100000010",
                "otherbot"), AT.plusSeconds(60));
        assertThat(projection.handle(new FindTopStreamsWatch())).contains(new TopStreamsWatchView(5, List.of(),
                List.of(), "100000010", "otherbot", AT.plusSeconds(60)));

        projection.on(new TopStreamsWatchStopped(TopStreams.WATCH_ID, OPS));
        assertThat(projection.handle(new FindTopStreamsWatch())).isEmpty();
    }
}
