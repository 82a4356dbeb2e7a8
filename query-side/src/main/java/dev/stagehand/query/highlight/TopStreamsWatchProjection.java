package dev.stagehand.query.highlight;

import dev.stagehand.api.highlight.FindTopStreamsWatch;
import dev.stagehand.api.highlight.TopStreamsWatchConfigured;
import dev.stagehand.api.highlight.TopStreamsWatchStopped;
import dev.stagehand.api.highlight.TopStreamsWatchView;
import dev.stagehand.platform.axon.ReadModel;
import dev.stagehand.platform.axon.ReadModelWrites;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Builds {@code top_streams_watch_view}: the top streams watch's settings while it runs. */
@Component
@ReadModel({"top_streams_watch_view"})
@ProcessingGroup("top-streams-watch")
class TopStreamsWatchProjection {

    private final JdbcClient jdbc;
    private final ReadModelWrites writes;

    TopStreamsWatchProjection(JdbcClient jdbc, ReadModelWrites writes) {
        this.jdbc = jdbc;
        this.writes = writes;
    }

    @EventHandler
    void on(TopStreamsWatchConfigured event, @Timestamp Instant at) {
        writes.sql("""
                    INSERT INTO top_streams_watch_view
                        (watch_id, streams, game_ids, languages, clipper_twitch_id, clipper_login, since)
                    VALUES (:id, :streams, :games, :languages, :clipper, :login, :at)
                    ON CONFLICT (watch_id) DO UPDATE
                    SET streams = EXCLUDED.streams, game_ids = EXCLUDED.game_ids, languages = EXCLUDED.languages,
                        clipper_twitch_id = EXCLUDED.clipper_twitch_id, clipper_login = EXCLUDED.clipper_login,
                        since = EXCLUDED.since""")
            .param("id", event.watchId())
            .param("streams", event.streams())
            .param("games", String.join(",", event.gameIds()))
            .param("languages", String.join(",", event.languages()))
            .param("clipper", event.clipperTwitchId())
            .param("login", event.clipperLogin())
            .param("at", java.sql.Timestamp.from(at))
            .update();
    }

    @EventHandler
    void on(TopStreamsWatchStopped event) {
        writes.sql("DELETE FROM top_streams_watch_view WHERE watch_id = :id").param("id", event.watchId()).update();
    }

    @ResetHandler
    void clear() {
        writes.sql("DELETE FROM top_streams_watch_view").update();
    }

    @QueryHandler
    Optional<TopStreamsWatchView> handle(FindTopStreamsWatch query) {
        return jdbc.sql("SELECT * FROM top_streams_watch_view")
                   .query((row, number) -> new TopStreamsWatchView(row.getInt("streams"),
                           list(row.getString("game_ids")), list(row.getString("languages")),
                           row.getString("clipper_twitch_id"), row.getString("clipper_login"),
                           row.getTimestamp("since").toInstant()))
                   .optional();
    }

    private static List<String> list(String joined) {
        return joined.isEmpty() ? List.of() : Arrays.asList(joined.split(","));
    }
}
