package dev.stagehand.query.history;

import dev.stagehand.api.analytics.ChatStats;
import dev.stagehand.api.history.ChatterOptedIn;
import dev.stagehand.api.history.ChatterOptedOut;
import dev.stagehand.api.history.FindChatHistoryOptOut;
import dev.stagehand.query.chat.OptedOutChatters;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.queryhandling.QueryHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Builds {@code chat_opt_out}, the chatters who opted out of chat history and analytics, and when one does, erases
 * their stored chat and takes them out of the top chatters of the stored analytics windows. The history writer reads
 * the list before every poll it writes, the analytics processor every ten seconds; the hourly maintenance erases again
 * what a poll already under way wrote meanwhile.
 */
@Component
@ProcessingGroup("chat-history-opt-outs")
public class ChatHistoryOptOuts {

    private static final Logger log = LoggerFactory.getLogger(ChatHistoryOptOuts.class);

    private final JdbcClient jdbc;
    private final JsonMapper json;

    ChatHistoryOptOuts(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    @EventHandler
    void on(ChatterOptedOut event, @Timestamp Instant at) {
        jdbc.sql("""
                    INSERT INTO chat_opt_out (twitch_user_id, login, opted_out_at) VALUES (:id, :login, :at)
                    ON CONFLICT (twitch_user_id) DO NOTHING""")
            .param("id", event.twitchUserId())
            .param("login", event.login())
            .param("at", java.sql.Timestamp.from(at))
            .update();
        int erased = jdbc.sql("DELETE FROM chat_message WHERE user_id = :id").param("id", event.twitchUserId())
                         .update();
        int scrubbed = scrubStats(event.login().toLowerCase());
        log.info("A chatter opted out of chat history: {} stored records erased, {} analytics windows scrubbed",
                erased, scrubbed);
    }

    /** Takes the chatter out of the top chatters of every stored analytics window; answers how many changed. */
    private int scrubStats(String login) {
        List<Map<String, Object>> windows = jdbc.sql("""
                    SELECT channel_id, window_seconds, window_start, stats FROM chat_stats_view
                    WHERE stats LIKE :mention""")
                .param("mention", "%\"login\":\"" + login + "\"%").query().listOfRows();
        for (Map<String, Object> window : windows) {
            ChatStats scrubbed = json.readValue((String) window.get("stats"), ChatStats.class)
                    .withoutChatters(Set.of(login));
            jdbc.sql("""
                        UPDATE chat_stats_view SET stats = :stats
                        WHERE channel_id = :channel AND window_seconds = :seconds AND window_start = :start""")
                .param("stats", json.writeValueAsString(scrubbed))
                .param("channel", window.get("channel_id"))
                .param("seconds", window.get("window_seconds"))
                .param("start", window.get("window_start"))
                .update();
        }
        return windows.size();
    }

    @EventHandler
    void on(ChatterOptedIn event) {
        jdbc.sql("DELETE FROM chat_opt_out WHERE twitch_user_id = :id").param("id", event.twitchUserId()).update();
    }

    @ResetHandler
    void clear() {
        jdbc.sql("DELETE FROM chat_opt_out").update();
    }

    @QueryHandler
    Boolean handle(FindChatHistoryOptOut query) {
        return jdbc.sql("SELECT count(*) FROM chat_opt_out WHERE twitch_user_id = :id")
                   .param("id", query.twitchUserId()).query(Long.class).single() > 0;
    }

    /** Every chatter who opted out. */
    public OptedOutChatters chatters() {
        Set<String> ids = new HashSet<>();
        Set<String> logins = new HashSet<>();
        jdbc.sql("SELECT twitch_user_id, login FROM chat_opt_out").query((row, number) -> {
            ids.add(row.getString("twitch_user_id"));
            logins.add(row.getString("login").toLowerCase());
            return null;
        }).list();
        return new OptedOutChatters(ids, logins);
    }

    /** Erases what chatters who opted out wrote since {@code since} (a poll under way as they opted out). */
    int eraseSince(Instant since) {
        return jdbc.sql("""
                    DELETE FROM chat_message USING chat_opt_out
                    WHERE chat_message.user_id = chat_opt_out.twitch_user_id AND chat_message.sent_at >= :since""")
                   .param("since", java.sql.Timestamp.from(since)).update();
    }
}
