package dev.stagehand.query.highlight;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stagehand.api.account.AccountId;
import dev.stagehand.api.channel.ChannelId;
import dev.stagehand.api.highlight.ChatSpike;
import dev.stagehand.api.highlight.ClipAttemptFailed;
import dev.stagehand.api.highlight.ClipCreated;
import dev.stagehand.api.highlight.ClipCreationFailed;
import dev.stagehand.api.highlight.ClipId;
import dev.stagehand.api.highlight.ClipRequested;
import dev.stagehand.api.highlight.ClipView;
import dev.stagehand.api.highlight.FindChannelClips;
import dev.stagehand.api.highlight.FindPublicClips;
import dev.stagehand.api.highlight.HighlightsConfigured;
import dev.stagehand.api.highlight.PublicClips;
import dev.stagehand.api.highlight.TwitchClip;
import dev.stagehand.query.ProjectionTest;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ClipProjectionTest extends ProjectionTest {

    private static final String OPEN = "100000001";
    private static final String CLOSED = "100000002";
    private static final Instant AT = Instant.parse("2026-12-04T20:00:00Z");
    private static final Instant FAR = Instant.parse("2027-01-01T00:00:00Z");

    private final ClipProjection clips = new ClipProjection(JDBC, WRITES, JSON);
    private final HighlightSettingsView settings = new HighlightSettingsView(JDBC, WRITES, JSON, new SpikeSettings(
            Duration.ofSeconds(5), 120, 3.0, 10, Duration.ofSeconds(30), Duration.ofSeconds(30), Duration.ZERO));

    @BeforeEach
    void clear() {
        clips.clear();
        settings.clear();
        settings.on(new HighlightsConfigured(new ChannelId(OPEN), new AccountId("ada"), null, true, true, false), AT);
        // the feed names channels by the channels projection's logins
        JDBC.sql("DELETE FROM channel_view").update();
        JDBC.sql("""
                    INSERT INTO channel_view (channel_id, login, display_name, connection, subscribers, updated_at)
                    VALUES (:id, 'open_channel', 'Open_channel', 'JOINED', 1, now())""").param("id", OPEN).update();
    }

    private static ChatSpike spike(String channelId, int secondsIn, Double intensity) {
        Instant end = AT.plusSeconds(secondsIn);
        return new ChatSpike(1, channelId, end.minusSeconds(5), end, 200, 10, 2, 16, 120, intensity);
    }

    /** Asks for a spike's clip and has Twitch make it. */
    private ClipId made(ChatSpike spike, boolean publicFeed) {
        ClipId id = ClipId.of(spike);
        clips.on(new ClipRequested(id, spike.channelId(), spike, List.of(spike.channelId()), publicFeed), AT);
        clips.on(new ClipCreated(id, spike.channelId(), new TwitchClip("Clip-" + id.value(), "https://clips/x",
                "https://embed/x", "https://thumb/x.jpg", "Title", 30, spike.windowEnd()), spike), AT);
        return id;
    }

    private PublicClips feed(double minIntensity, int limit, int offset) {
        return clips.handle(new FindPublicClips(minIntensity, null, null, limit, offset));
    }

    @Test
    void aClipGoesFromRequestedThroughItsAttemptsToCreatedOrFailed() {
        ChatSpike first = spike(OPEN, 0, 12.0);
        ClipId id = ClipId.of(first);
        clips.on(new ClipRequested(id, OPEN, first, List.of(OPEN), false), AT);
        clips.on(new ClipAttemptFailed(id, OPEN, 1, 503, "Twitch answered 503", AT.plusSeconds(3)), AT);
        assertThat(channelClips()).singleElement().satisfies(clip -> {
            assertThat(clip.status()).isEqualTo("REQUESTED");
            assertThat(clip.attempts()).isEqualTo(1);
            assertThat(clip.failure()).isEqualTo("Twitch answered 503");
        });
        clips.on(new ClipCreationFailed(id, OPEN, "Twitch answered 404", first), AT.plusSeconds(4));
        assertThat(channelClips()).singleElement().satisfies(clip -> {
            assertThat(clip.status()).isEqualTo("FAILED");
            assertThat(clip.failure()).isEqualTo("Twitch answered 404");
        });
    }

    private List<ClipView> channelClips() {
        return clips.handle(new FindChannelClips(OPEN, AT.minusSeconds(60), FAR, 10));
    }

    @Test
    void theFeedHoldsPublicChannelsClipsAndThoseMarkedForItNewestFirst() {
        ClipId older = made(spike(OPEN, 0, 12.0), false);
        made(spike(CLOSED, 10, 30.0), false);
        ClipId watched = made(spike(CLOSED, 20, 15.0), true);
        assertThat(feed(0, 10, 0).clips()).extracting(found -> found.clip().clipId())
                .containsExactly(watched, older);
        assertThat(feed(0, 10, 0).clips().get(1).streamerLogin()).isEqualTo("open_channel");
        assertThat(feed(0, 10, 0).clips().get(0).streamerLogin()).isNull();
    }

    @Test
    void theFeedFiltersByIntensityAndLeavesOutClipsNotYetMade() {
        made(spike(OPEN, 0, 8.9), false);
        ClipId strong = made(spike(OPEN, 10, 9.0), false);
        made(spike(OPEN, 20, null), false);
        ChatSpike pending = spike(OPEN, 30, 50.0);
        clips.on(new ClipRequested(ClipId.of(pending), OPEN, pending, List.of(OPEN), false), AT);
        assertThat(feed(9.0, 10, 0).clips()).extracting(found -> found.clip().clipId()).containsExactly(strong);
        assertThat(feed(9.0, 10, 0).total()).isEqualTo(1);
    }

    @Test
    void theFeedPagesWithTheTotalOfEveryPage() {
        for (int second = 0; second < 50; second += 10) {
            made(spike(OPEN, second, 10.0), false);
        }
        PublicClips second = feed(0, 2, 2);
        assertThat(second.total()).isEqualTo(5);
        assertThat(second.clips()).extracting(found -> found.clip().spike().windowEnd())
                .containsExactly(AT.plusSeconds(20), AT.plusSeconds(10));
        assertThat(feed(0, 2, 4).clips()).hasSize(1);
    }

    @Test
    void aClipRequestedTwiceIsKeptOnce() {
        ChatSpike again = spike(OPEN, 0, 12.0);
        clips.on(new ClipRequested(ClipId.of(again), OPEN, again, List.of(OPEN), false), AT);
        clips.on(new ClipRequested(ClipId.of(again), OPEN, again, List.of(OPEN), false), AT.plusSeconds(1));
        assertThat(channelClips()).hasSize(1);
    }
}
