package dev.stagehand.query.highlight;

import dev.stagehand.api.highlight.ChatSpike;
import dev.stagehand.api.highlight.ClipAccepted;
import dev.stagehand.api.highlight.ClipAttemptFailed;
import dev.stagehand.api.highlight.ClipCreated;
import dev.stagehand.api.highlight.ClipCreationFailed;
import dev.stagehand.api.highlight.ClipId;
import dev.stagehand.api.highlight.ClipRequested;
import dev.stagehand.api.highlight.ClipView;
import dev.stagehand.api.highlight.FindChannelClips;
import dev.stagehand.api.highlight.FindPublicClips;
import dev.stagehand.api.highlight.PublicClips;
import dev.stagehand.api.highlight.PublicClips.PublicClip;
import dev.stagehand.api.highlight.TwitchClip;
import dev.stagehand.platform.axon.ReadModel;
import dev.stagehand.platform.axon.ReadModelWrites;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/** Builds {@code clip_view}: every clip a spike asked for, with the spike, the attempts and how it ended. */
@Component
@ReadModel({"clip_view"})
@ProcessingGroup("clips")
class ClipProjection {

    private static final Instant FAR_FUTURE = Instant.parse("9999-01-01T00:00:00Z");
    private static final String COLUMNS = """
            clip_id, channel_id, status, spike, clip, failure, attempts, requested_at, updated_at""";

    /** The columns as the feed's joins name them. */
    private static final String CLIP_COLUMNS = "clip." + COLUMNS.replace(", ", ", clip.");

    private final JdbcClient jdbc;
    private final ReadModelWrites writes;
    private final JsonMapper json;

    ClipProjection(JdbcClient jdbc, ReadModelWrites writes, JsonMapper json) {
        this.jdbc = jdbc;
        this.writes = writes;
        this.json = json;
    }

    @EventHandler
    void on(ClipRequested event, @Timestamp Instant at) {
        writes.sql("""
                    INSERT INTO clip_view
                        (clip_id, channel_id, status, spike, intensity, detected_at, public_feed, requested_at,
                         updated_at)
                    VALUES (:id, :channel, 'REQUESTED', :spike, :intensity, :detected, :publicFeed, :at, :at)
                    ON CONFLICT (clip_id) DO NOTHING""")
            .param("id", event.clipId().value())
            .param("channel", event.channelId())
            .param("spike", json.writeValueAsString(event.spike()))
            .param("intensity", event.spike().intensity())
            .param("detected", java.sql.Timestamp.from(event.spike().windowEnd()))
            .param("publicFeed", event.publicFeed())
            .param("at", java.sql.Timestamp.from(at))
            .update();
    }

    @EventHandler
    void on(ClipAccepted event, @Timestamp Instant at) {
        recordAttempt(event.clipId(), event.attempt(), null, at);
    }

    /** While attempts remain, the failure says what the last one met. */
    @EventHandler
    void on(ClipAttemptFailed event, @Timestamp Instant at) {
        recordAttempt(event.clipId(), event.attempt(), event.reason(), at);
    }

    @EventHandler
    void on(ClipCreated event, @Timestamp Instant at) {
        writes.sql("""
                    UPDATE clip_view SET status = 'CREATED', clip = :clip, updated_at = :at WHERE clip_id = :id""")
            .param("id", event.clipId().value())
            .param("clip", json.writeValueAsString(event.clip()))
            .param("at", java.sql.Timestamp.from(at))
            .update();
    }

    @EventHandler
    void on(ClipCreationFailed event, @Timestamp Instant at) {
        writes.sql("UPDATE clip_view SET status = 'FAILED', failure = :failure, updated_at = :at WHERE clip_id = :id")
            .param("id", event.clipId().value())
            .param("failure", event.reason())
            .param("at", java.sql.Timestamp.from(at))
            .update();
    }

    private void recordAttempt(ClipId id, int attempt, String failure, Instant at) {
        writes.sql("""
                    UPDATE clip_view SET attempts = GREATEST(attempts, :attempt), failure = :failure, updated_at = :at
                    WHERE clip_id = :id AND status = 'REQUESTED'""")
            .param("id", id.value())
            .param("attempt", attempt)
            .param("failure", failure)
            .param("at", java.sql.Timestamp.from(at))
            .update();
    }

    @ResetHandler
    void clear() {
        writes.sql("DELETE FROM clip_view").update();
    }

    @QueryHandler
    List<ClipView> handle(FindChannelClips query) {
        return jdbc.sql("SELECT " + COLUMNS + """
                     FROM clip_view WHERE channel_id = :channel AND requested_at >= :from AND requested_at < :to
                    ORDER BY requested_at DESC LIMIT :limit""")
                   .param("channel", query.channelId())
                   .param("from", java.sql.Timestamp.from(query.from()))
                   .param("to", java.sql.Timestamp.from(query.to()))
                   .param("limit", query.limit())
                   .query(this::view).list();
    }

    /**
     * The feed: clips the top streams watch asked for, and those of channels whose broadcaster made theirs public (read
     * from the highlight settings); logins come from the channels.
     */
    @QueryHandler
    PublicClips handle(FindPublicClips query) {
        String matching = """
                FROM clip_view clip
                LEFT JOIN highlight_settings_view settings ON settings.channel_id = clip.channel_id
                LEFT JOIN channel_view channel ON channel.channel_id = clip.channel_id
                WHERE clip.status = 'CREATED' AND (clip.public_feed OR settings.public_clips)
                AND clip.intensity >= :min
                AND clip.detected_at >= :start AND clip.detected_at < :end""";
        java.sql.Timestamp start = java.sql.Timestamp.from(Objects.requireNonNullElse(query.start(), Instant.EPOCH));
        java.sql.Timestamp end = java.sql.Timestamp.from(Objects.requireNonNullElse(query.end(), FAR_FUTURE));
        long total = jdbc.sql("SELECT count(*) " + matching)
                         .param("min", query.minIntensity()).param("start", start).param("end", end)
                         .query(Long.class).single();
        List<PublicClip> clips = jdbc.sql("SELECT " + CLIP_COLUMNS + ", channel.login " + matching
                                          + " ORDER BY clip.detected_at DESC, clip.clip_id LIMIT :limit OFFSET :offset")
                                     .param("min", query.minIntensity()).param("start", start).param("end", end)
                                     .param("limit", query.limit()).param("offset", query.offset())
                                     .query((row, number) -> new PublicClip(view(row, number), row.getString("login")))
                                     .list();
        return new PublicClips(clips, total);
    }

    private ClipView view(ResultSet row, int number) throws SQLException {
        String clip = row.getString("clip");
        return new ClipView(new ClipId(row.getString("clip_id")), row.getString("channel_id"), row.getString("status"),
                json.readValue(row.getString("spike"), ChatSpike.class),
                clip == null ? null : json.readValue(clip, TwitchClip.class), row.getString("failure"),
                row.getInt("attempts"), row.getTimestamp("requested_at").toInstant(),
                row.getTimestamp("updated_at").toInstant());
    }
}
