package dev.stagehand.query.highlight;

import dev.stagehand.api.highlight.FindHighlightSettings;
import dev.stagehand.api.highlight.HighlightSettings;
import dev.stagehand.api.highlight.HighlightsConfigured;
import dev.stagehand.api.highlight.SpikeRule;
import dev.stagehand.query.ReadModel;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Builds {@code highlight_settings_view}: whether each channel's spikes become clips, and the spike rule its
 * broadcaster chose; a channel never configured has auto-clipping off and the deployment's rule. The spike detector
 * reads every channel's rule from here.
 */
@Component
@ReadModel({"highlight_settings_view"})
@ProcessingGroup("highlight-settings")
class HighlightSettingsView {

    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final SpikeRule defaultRule;

    HighlightSettingsView(JdbcClient jdbc, JsonMapper json, SpikeSettings defaults) {
        this.jdbc = jdbc;
        this.json = json;
        this.defaultRule = defaults.rule();
    }

    @EventHandler
    void on(HighlightsConfigured event, @Timestamp Instant at) {
        jdbc.sql("""
                    INSERT INTO highlight_settings_view (channel_id, auto_clip, rule, updated_at)
                    VALUES (:channel, :autoClip, :rule, :at)
                    ON CONFLICT (channel_id) DO UPDATE
                    SET auto_clip = EXCLUDED.auto_clip, rule = EXCLUDED.rule, updated_at = EXCLUDED.updated_at""")
            .param("channel", event.channelId().value())
            .param("autoClip", event.autoClip())
            .param("rule", event.rule() == null ? null : json.writeValueAsString(event.rule()))
            .param("at", java.sql.Timestamp.from(at))
            .update();
    }

    @ResetHandler
    void clear() {
        jdbc.sql("DELETE FROM highlight_settings_view").update();
    }

    @QueryHandler
    HighlightSettings handle(FindHighlightSettings query) {
        return jdbc.sql("SELECT auto_clip, rule FROM highlight_settings_view WHERE channel_id = :channel")
                   .param("channel", query.channelId())
                   .query((row, number) -> settings(query.channelId(), row.getBoolean("auto_clip"),
                           rule(row.getString("rule"))))
                   .optional()
                   .orElseGet(() -> settings(query.channelId(), false, null));
    }

    /** Every channel's spike rule, as the spike detector needs them. */
    SpikeRules spikeRules() {
        Map<String, SpikeRule> own = new HashMap<>();
        jdbc.sql("SELECT channel_id, rule FROM highlight_settings_view WHERE rule IS NOT NULL")
            .query((row, number) -> own.put(row.getString("channel_id"), rule(row.getString("rule"))))
            .list();
        return new SpikeRules(defaultRule, own);
    }

    private HighlightSettings settings(String channelId, boolean autoClip, SpikeRule own) {
        return new HighlightSettings(channelId, autoClip, own == null ? defaultRule : own, own != null);
    }

    private SpikeRule rule(String stored) {
        return stored == null ? null : json.readValue(stored, SpikeRule.class);
    }
}
