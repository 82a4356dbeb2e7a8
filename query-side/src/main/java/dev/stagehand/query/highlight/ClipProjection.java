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
import dev.stagehand.api.highlight.FindClipsBetween;
import dev.stagehand.api.highlight.TwitchClip;
import dev.stagehand.query.ReadModel;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
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

    private static final String COLUMNS = """
            clip_id, channel_id, status, spike, clip, failure, attempts, requested_at, updated_at""";

    private final JdbcClient jdbc;
    private final JsonMapper json;

    ClipProjection(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    @EventHandler
    void on(ClipRequested event, @Timestamp Instant at) {
        jdbc.sql("""
                    INSERT INTO clip_view (clip_id, channel_id, status, spike, requested_at, updated_at)
                    VALUES (:id, :channel, 'REQUESTED', :spike, :at, :at) ON CONFLICT (clip_id) DO NOTHING""")
            .param("id", event.clipId().value())
            .param("channel", event.channelId())
            .param("spike", json.writeValueAsString(event.spike()))
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
        jdbc.sql("""
                    UPDATE clip_view SET status = 'CREATED', clip = :clip, clip_created_at = :created, updated_at = :at
                    WHERE clip_id = :id""")
            .param("id", event.clipId().value())
            .param("clip", json.writeValueAsString(event.clip()))
            .param("created", java.sql.Timestamp.from(event.clip().createdAt() == null ? at
                    : event.clip().createdAt()))
            .param("at", java.sql.Timestamp.from(at))
            .update();
    }

    @EventHandler
    void on(ClipCreationFailed event, @Timestamp Instant at) {
        jdbc.sql("UPDATE clip_view SET status = 'FAILED', failure = :failure, updated_at = :at WHERE clip_id = :id")
            .param("id", event.clipId().value())
            .param("failure", event.reason())
            .param("at", java.sql.Timestamp.from(at))
            .update();
    }

    private void recordAttempt(ClipId id, int attempt, String failure, Instant at) {
        jdbc.sql("""
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
        jdbc.sql("DELETE FROM clip_view").update();
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

    @QueryHandler
    List<ClipView> handle(FindClipsBetween query) {
        if (query.channelIds().isEmpty()) {
            return List.of();
        }
        return jdbc.sql("SELECT " + COLUMNS + """
                     FROM clip_view WHERE status = 'CREATED' AND channel_id IN (:channels)
                    AND clip_created_at >= :start AND clip_created_at < :end
                    ORDER BY clip_created_at DESC LIMIT :limit""")
                   .param("channels", query.channelIds())
                   .param("start", java.sql.Timestamp.from(query.start()))
                   .param("end", java.sql.Timestamp.from(query.end()))
                   .param("limit", query.limit())
                   .query(this::view).list();
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
