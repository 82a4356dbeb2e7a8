package dev.stagehand.command.highlight;

import dev.stagehand.api.highlight.ChatSpike;
import dev.stagehand.api.highlight.ClipAccepted;
import dev.stagehand.api.highlight.ClipAttemptFailed;
import dev.stagehand.api.highlight.ClipCreated;
import dev.stagehand.api.highlight.ClipCreationFailed;
import dev.stagehand.api.highlight.ClipId;
import dev.stagehand.api.highlight.ClipRequested;
import dev.stagehand.api.highlight.RecordClipAccepted;
import dev.stagehand.api.highlight.RecordClipAttemptFailed;
import dev.stagehand.api.highlight.RecordClipCreated;
import dev.stagehand.api.highlight.RequestClip;
import dev.stagehand.api.highlight.TwitchClip;
import java.time.Instant;
import java.util.List;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ClipTest {

    private static final ChatSpike SPIKE = new ChatSpike(1, "100000001", Instant.parse("2026-12-03T18:00:00Z"),
            Instant.parse("2026-12-03T18:00:05Z"), 240, 20.5, 4.1, 32.8, 120, 11.2);
    private static final ClipId ID = ClipId.of(SPIKE);
    private static final ClipRequested REQUESTED = new ClipRequested(ID, "100000001", SPIKE,
            List.of("100000002", "100000001"), true);
    private static final TwitchClip MADE = new TwitchClip("PogNoodle-1", "https://clips.twitch.tv/PogNoodle-1",
            "https://clips.twitch.tv/embed?clip=PogNoodle-1", "https://thumb/PogNoodle-1.jpg", "Morning coffee", 30,
            Instant.parse("2026-12-03T18:00:06Z"));
    private static final Instant RETRY_AT = Instant.parse("2026-12-03T18:00:09Z");

    private AggregateTestFixture<Clip> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Clip.class);
    }

    @Test
    void aSpikeRequestsAClipNamedAfterIt() {
        fixture.givenNoPriorActivity()
               .when(RequestClip.of(SPIKE, List.of("100000002", "100000001"), true))
               .expectEvents(REQUESTED);
    }

    @Test
    void theSameSpikeSeenTwiceRequestsOnce() {
        fixture.given(REQUESTED)
               .when(RequestClip.of(SPIKE, List.of("100000002", "100000001"), true))
               .expectSuccessfulHandlerExecution()
               .expectNoEvents();
    }

    @Test
    void aFailedAttemptWithANextOneIsOnlyAnAttempt() {
        fixture.given(REQUESTED)
               .when(new RecordClipAttemptFailed(ID, 1, 503, "Twitch answered 503", RETRY_AT))
               .expectEvents(new ClipAttemptFailed(ID, "100000001", 1, 503, "Twitch answered 503", RETRY_AT));
    }

    @Test
    void aFailedAttemptWithoutANextOneFailsTheClip() {
        fixture.given(REQUESTED)
               .when(new RecordClipAttemptFailed(ID, 3, 503, "Twitch answered 503", null))
               .expectEvents(new ClipAttemptFailed(ID, "100000001", 3, 503, "Twitch answered 503", null),
                       new ClipCreationFailed(ID, "100000001", "Twitch answered 503", SPIKE));
    }

    @Test
    void anAcceptedClipIsRecorded() {
        fixture.given(REQUESTED)
               .when(new RecordClipAccepted(ID, 1, "PogNoodle-1", "https://clips.twitch.tv/PogNoodle-1/edit"))
               .expectEvents(new ClipAccepted(ID, "100000001", 1, "PogNoodle-1",
                       "https://clips.twitch.tv/PogNoodle-1/edit"));
    }

    @Test
    void aCreatedClipCarriesTheSpikeThatMadeIt() {
        fixture.given(REQUESTED, new ClipAccepted(ID, "100000001", 1, "PogNoodle-1", "edit"))
               .when(new RecordClipCreated(ID, MADE))
               .expectEvents(new ClipCreated(ID, "100000001", MADE, SPIKE));
    }

    @Test
    void nothingChangesOnceTheClipIsCreated() {
        fixture.given(REQUESTED, new ClipCreated(ID, "100000001", MADE, SPIKE))
               .when(new RecordClipAttemptFailed(ID, 2, 0, "late", null))
               .expectSuccessfulHandlerExecution()
               .expectNoEvents();
    }

    @Test
    void nothingChangesOnceTheClipFailed() {
        fixture.given(REQUESTED, new ClipCreationFailed(ID, "100000001", "gone", SPIKE))
               .when(new RecordClipCreated(ID, MADE))
               .expectSuccessfulHandlerExecution()
               .expectNoEvents();
    }
}
