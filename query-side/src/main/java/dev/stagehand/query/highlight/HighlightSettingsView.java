package dev.stagehand.query.highlight;

import dev.stagehand.api.account.AccountId;
import dev.stagehand.api.highlight.AutoClipChosen;
import dev.stagehand.api.highlight.AutoClippingPaused;
import dev.stagehand.api.highlight.AutoClippingResumed;
import dev.stagehand.api.highlight.FindHighlightSettings;
import dev.stagehand.api.highlight.HighlightSettings;
import dev.stagehand.api.highlight.HighlightSettings.AutoClipper;
import dev.stagehand.api.highlight.HighlightSettings.Pause;
import dev.stagehand.api.highlight.HighlightsConfigured;
import dev.stagehand.api.highlight.SpikeRule;
import dev.stagehand.platform.axon.ReadModel;
import dev.stagehand.platform.axon.ReadModelWrites;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
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
 * Builds {@code highlight_settings_view} and {@code auto_clipper}: the spike rule, auto-clipping policy and pause of
 * each channel, and who auto-clips it; a channel never configured has the deployment's rule, allows others to
 * auto-clip and keeps its clips private. The spike detector reads every channel's rule from here.
 */
@Component
@ReadModel({"highlight_settings_view", "auto_clipper"})
@ProcessingGroup("highlight-settings")
class HighlightSettingsView {

    private final JdbcClient jdbc;
    private final ReadModelWrites writes;
    private final JsonMapper json;
    private final SpikeRule defaultRule;

    HighlightSettingsView(JdbcClient jdbc, ReadModelWrites writes, JsonMapper json, SpikeSettings defaults) {
        this.jdbc = jdbc;
        this.writes = writes;
        this.json = json;
        this.defaultRule = defaults.rule();
    }

    @EventHandler
    void on(HighlightsConfigured event, @Timestamp Instant at) {
        writes.sql("""
                    INSERT INTO highlight_settings_view (channel_id, rule, others_may_clip, public_clips, public_stats,
                                                         updated_at)
                    VALUES (:channel, :rule, :othersMayClip, :publicClips, :publicStats, :at)
                    ON CONFLICT (channel_id) DO UPDATE
                    SET rule = EXCLUDED.rule, others_may_clip = EXCLUDED.others_may_clip,
                        public_clips = EXCLUDED.public_clips, public_stats = EXCLUDED.public_stats,
                        updated_at = EXCLUDED.updated_at""")
            .param("channel", event.channelId().value())
            .param("rule", event.rule() == null ? null : json.writeValueAsString(event.rule()))
            .param("othersMayClip", event.othersMayClip())
            .param("publicClips", event.publicClips())
            .param("publicStats", event.publicStats())
            .param("at", java.sql.Timestamp.from(at))
            .update();
        if (event.autoClip() != null) {
            on(new AutoClipChosen(event.channelId(), event.broadcaster(), event.channelId().value(),
                    event.autoClip()), at);
        }
    }

    @EventHandler
    void on(AutoClipChosen event, @Timestamp Instant at) {
        if (event.on()) {
            writes.sql("""
                        INSERT INTO auto_clipper (channel_id, account_id, twitch_user_id, since)
                        VALUES (:channel, :account, :twitch, :at)
                        ON CONFLICT (channel_id, account_id) DO UPDATE SET twitch_user_id = EXCLUDED.twitch_user_id""")
                .param("channel", event.channelId().value())
                .param("account", event.subscriber().value())
                .param("twitch", event.twitchUserId())
                .param("at", java.sql.Timestamp.from(at))
                .update();
        } else {
            writes.sql("DELETE FROM auto_clipper WHERE channel_id = :channel AND account_id = :account")
                .param("channel", event.channelId().value())
                .param("account", event.subscriber().value())
                .update();
        }
    }

    @EventHandler
    void on(AutoClippingPaused event, @Timestamp Instant at) {
        pause(event.channelId().value(), event.reason(), at);
    }

    @EventHandler
    void on(AutoClippingResumed event, @Timestamp Instant at) {
        pause(event.channelId().value(), null, at);
    }

    private void pause(String channelId, String reason, Instant at) {
        writes.sql("""
                    INSERT INTO highlight_settings_view (channel_id, paused_reason, paused_at, updated_at)
                    VALUES (:channel, :reason, :pausedAt, :at)
                    ON CONFLICT (channel_id) DO UPDATE
                    SET paused_reason = EXCLUDED.paused_reason, paused_at = EXCLUDED.paused_at,
                        updated_at = EXCLUDED.updated_at""")
            .param("channel", channelId)
            .param("reason", reason)
            .param("pausedAt", reason == null ? null : java.sql.Timestamp.from(at))
            .param("at", java.sql.Timestamp.from(at))
            .update();
    }

    @ResetHandler
    void clear() {
        writes.sql("DELETE FROM highlight_settings_view").update();
        writes.sql("DELETE FROM auto_clipper").update();
    }

    @QueryHandler
    HighlightSettings handle(FindHighlightSettings query) {
        List<AutoClipper> clippers = jdbc.sql("""
                    SELECT account_id, twitch_user_id, since FROM auto_clipper WHERE channel_id = :channel
                    ORDER BY since, account_id""")
            .param("channel", query.channelId())
            .query((row, number) -> new AutoClipper(new AccountId(row.getString("account_id")),
                    row.getString("twitch_user_id"), row.getTimestamp("since").toInstant()))
            .list();
        return jdbc.sql("""
                    SELECT rule, others_may_clip, public_clips, public_stats, paused_reason, paused_at
                    FROM highlight_settings_view WHERE channel_id = :channel""")
                   .param("channel", query.channelId())
                   .query((row, number) -> settings(query.channelId(), rule(row.getString("rule")),
                           row.getBoolean("others_may_clip"), row.getBoolean("public_clips"),
                           row.getBoolean("public_stats"), clippers,
                           row.getString("paused_reason") == null ? null : new Pause(row.getString("paused_reason"),
                                   row.getTimestamp("paused_at").toInstant())))
                   .optional()
                   .orElseGet(() -> settings(query.channelId(), null, true, false, false, clippers, null));
    }

    /** Every channel's spike rule, as the spike detector needs them. */
    SpikeRules spikeRules() {
        Map<String, SpikeRule> own = new HashMap<>();
        jdbc.sql("SELECT channel_id, rule FROM highlight_settings_view WHERE rule IS NOT NULL")
            .query((row, number) -> own.put(row.getString("channel_id"), rule(row.getString("rule"))))
            .list();
        return new SpikeRules(defaultRule, own);
    }

    private HighlightSettings settings(String channelId, SpikeRule own, boolean othersMayClip, boolean publicClips,
                                       boolean publicStats, List<AutoClipper> clippers, Pause paused) {
        return new HighlightSettings(channelId, own == null ? defaultRule : own, own != null, othersMayClip,
                publicClips, publicStats, clippers, paused);
    }

    private SpikeRule rule(String stored) {
        return stored == null ? null : json.readValue(stored, SpikeRule.class);
    }
}
