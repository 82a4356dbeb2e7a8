package dev.stagehand.query.overlay;

import dev.stagehand.api.account.AccountId;
import dev.stagehand.api.channel.ChannelId;
import dev.stagehand.api.common.SecretId;
import dev.stagehand.api.overlay.FindOverlay;
import dev.stagehand.api.overlay.FindOverlayByToken;
import dev.stagehand.api.overlay.FindOverlayVersions;
import dev.stagehand.api.overlay.FindOverlaysOf;
import dev.stagehand.api.overlay.OverlayCreated;
import dev.stagehand.api.overlay.OverlayDeleted;
import dev.stagehand.api.overlay.OverlayId;
import dev.stagehand.api.overlay.OverlaySettings;
import dev.stagehand.api.overlay.OverlayTokenRotated;
import dev.stagehand.api.overlay.OverlayUpdated;
import dev.stagehand.api.overlay.OverlayVersion;
import dev.stagehand.api.overlay.OverlayView;
import dev.stagehand.platform.axon.ReadModel;
import dev.stagehand.platform.axon.ReadModelWrites;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/** Builds {@code overlay_view}; every change is pushed to the open queries of that overlay and of its owner. */
@Component
@ReadModel({"overlay_view", "overlay_version_view"})
@ProcessingGroup("overlays")
class OverlayProjection {

    private final JdbcClient jdbc;
    private final ReadModelWrites writes;
    private final JsonMapper json;

    OverlayProjection(JdbcClient jdbc, ReadModelWrites writes, JsonMapper json) {
        this.jdbc = jdbc;
        this.writes = writes;
        this.json = json;
    }

    @EventHandler
    void on(OverlayCreated event, @Timestamp Instant at) {
        writes.sql("""
                    INSERT INTO overlay_view (overlay_id, owner_id, channel_id, name, settings, version, token_id,
                        token_hash, created_at, updated_at)
                    VALUES (:id, :owner, :channel, :name, :settings, 1, :token, :hash, :at, :at)
                    ON CONFLICT (overlay_id) DO NOTHING""")
            .param("id", UUID.fromString(event.overlayId().value()))
            .param("owner", event.owner().value())
            .param("channel", event.channelId().value())
            .param("name", event.name())
            .param("settings", json.writeValueAsString(event.settings()))
            .param("token", UUID.fromString(event.token().value()))
            .param("hash", event.tokenHash())
            .param("at", java.sql.Timestamp.from(at))
            .update();
        version(event.overlayId(), 1, event.name(), event.settings(), at);
    }

    @EventHandler
    void on(OverlayUpdated event, @Timestamp Instant at) {
        writes.sql("""
                    UPDATE overlay_view SET name = :name, settings = :settings, version = :version, updated_at = :at
                    WHERE overlay_id = :id AND version < :version""")
            .param("id", UUID.fromString(event.overlayId().value()))
            .param("name", event.name())
            .param("settings", json.writeValueAsString(event.settings()))
            .param("version", event.version())
            .param("at", java.sql.Timestamp.from(at))
            .update();
        version(event.overlayId(), event.version(), event.name(), event.settings(), at);
    }

    private void version(OverlayId id, int version, String name, OverlaySettings settings, Instant at) {
        // an event handed again after its parent is gone (a rebuild's swap replays some) adds nothing
        writes.sql("""
                    INSERT INTO overlay_version_view (overlay_id, version, name, settings, saved_at)
                    SELECT CAST(:id AS UUID), CAST(:version AS INT), CAST(:name AS TEXT), CAST(:settings AS TEXT),
                           CAST(:at AS TIMESTAMPTZ)
                    WHERE EXISTS (SELECT 1 FROM overlay_view WHERE overlay_id = :id)
                    ON CONFLICT DO NOTHING""")
            .param("id", UUID.fromString(id.value()))
            .param("version", version)
            .param("name", name)
            .param("settings", json.writeValueAsString(settings))
            .param("at", java.sql.Timestamp.from(at))
            .update();
    }

    @EventHandler
    void on(OverlayTokenRotated event, @Timestamp Instant at) {
        writes.sql("""
                    UPDATE overlay_view SET token_id = :token, token_hash = :hash, updated_at = :at
                    WHERE overlay_id = :id""")
            .param("id", UUID.fromString(event.overlayId().value()))
            .param("token", UUID.fromString(event.token().value()))
            .param("hash", event.tokenHash())
            .param("at", java.sql.Timestamp.from(at))
            .update();
    }

    @EventHandler
    void on(OverlayDeleted event) {
        writes.sql("DELETE FROM overlay_view WHERE overlay_id = :id")
            .param("id", UUID.fromString(event.overlayId().value())).update();
    }

    @ResetHandler
    void clear() {
        writes.sql("DELETE FROM overlay_version_view").update();
        writes.sql("DELETE FROM overlay_view").update();
    }

    @QueryHandler
    List<OverlayVersion> handle(FindOverlayVersions query) {
        return jdbc.sql("SELECT * FROM overlay_version_view WHERE overlay_id = :id ORDER BY version DESC")
                   .param("id", UUID.fromString(query.overlayId().value()))
                   .query((row, rowNumber) -> new OverlayVersion(query.overlayId(), row.getInt("version"),
                           row.getString("name"), json.readValue(row.getString("settings"), OverlaySettings.class),
                           row.getTimestamp("saved_at").toInstant()))
                   .list();
    }

    @QueryHandler
    List<OverlayView> handle(FindOverlaysOf query) {
        return jdbc.sql("SELECT * FROM overlay_view WHERE owner_id = :owner ORDER BY name, created_at")
                   .param("owner", query.owner().value())
                   .query(this::toView).list();
    }

    @QueryHandler
    Optional<OverlayView> handle(FindOverlay query) {
        return find(query.overlayId());
    }

    @QueryHandler
    Optional<OverlayView> handle(FindOverlayByToken query) {
        return jdbc.sql("SELECT * FROM overlay_view WHERE token_hash = :hash")
                   .param("hash", query.tokenHash())
                   .query(this::toView).optional();
    }


    private Optional<OverlayView> find(OverlayId id) {
        return jdbc.sql("SELECT * FROM overlay_view WHERE overlay_id = :id")
                   .param("id", UUID.fromString(id.value()))
                   .query(this::toView).optional();
    }

    private OverlayView toView(ResultSet row, int rowNumber) throws SQLException {
        return new OverlayView(new OverlayId(row.getString("overlay_id")), new AccountId(row.getString("owner_id")),
                new ChannelId(row.getString("channel_id")), row.getString("name"),
                json.readValue(row.getString("settings"), OverlaySettings.class), row.getInt("version"),
                new SecretId(row.getString("token_id")), row.getString("token_hash"),
                row.getTimestamp("created_at").toInstant(), row.getTimestamp("updated_at").toInstant());
    }
}
