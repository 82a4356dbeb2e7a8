package dev.stagehand.query.stream;

import dev.stagehand.api.stream.FindLiveStreams;
import dev.stagehand.api.stream.StreamInfo;
import dev.stagehand.api.stream.StreamResumed;
import dev.stagehand.api.stream.StreamUpdated;
import dev.stagehand.api.stream.StreamView;
import dev.stagehand.api.stream.StreamWentLive;
import dev.stagehand.api.stream.StreamWentOffline;
import dev.stagehand.platform.axon.ReadModel;
import dev.stagehand.platform.axon.ReadModelWrites;
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

/** Builds {@code stream_view}: the streams live now, as Stagehand last saw them. */
@Component
@ReadModel({"stream_view"})
@ProcessingGroup("streams")
class StreamProjection {

    private final JdbcClient jdbc;
    private final ReadModelWrites writes;
    private final JsonMapper json;

    StreamProjection(JdbcClient jdbc, ReadModelWrites writes, JsonMapper json) {
        this.jdbc = jdbc;
        this.writes = writes;
        this.json = json;
    }

    @EventHandler
    void on(StreamWentLive event, @Timestamp Instant at) {
        live(event.broadcasterId(), event.info(), at);
    }

    @EventHandler
    void on(StreamResumed event, @Timestamp Instant at) {
        live(event.broadcasterId(), event.info(), at);
    }

    @EventHandler
    void on(StreamUpdated event, @Timestamp Instant at) {
        live(event.broadcasterId(), event.info(), at);
    }

    @EventHandler
    void on(StreamWentOffline event) {
        writes.sql("DELETE FROM stream_view WHERE broadcaster_id = :id").param("id", event.broadcasterId()).update();
    }

    private void live(String broadcasterId, StreamInfo info, Instant at) {
        writes.sql("""
                    INSERT INTO stream_view (broadcaster_id, info, updated_at) VALUES (:id, :info, :at)
                    ON CONFLICT (broadcaster_id) DO UPDATE SET info = EXCLUDED.info, updated_at = EXCLUDED.updated_at""")
            .param("id", broadcasterId)
            .param("info", json.writeValueAsString(info))
            .param("at", java.sql.Timestamp.from(at))
            .update();
    }

    @ResetHandler
    void clear() {
        writes.sql("DELETE FROM stream_view").update();
    }

    @QueryHandler
    List<StreamView> handle(FindLiveStreams query) {
        return jdbc.sql("SELECT * FROM stream_view ORDER BY broadcaster_id")
                   .query((row, rowNumber) -> new StreamView(row.getString("broadcaster_id"),
                           json.readValue(row.getString("info"), StreamInfo.class),
                           row.getTimestamp("updated_at").toInstant()))
                   .list();
    }
}
