package dev.stagehand.sagas.channel;

import dev.stagehand.api.channel.ChannelId;
import dev.stagehand.platform.RepeatingJob;
import dev.stagehand.platform.cluster.ClusterNode;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Shares the reading of the deployment's chats among its nodes. Every second each node reads {@code chat_channel},
 * leaves the chats no longer wanted, joins again those asked for again, and claims unread ones while it reads fewer
 * than its share (the wanted chats divided by the live nodes, rounded up). A node that dies frees its claims with its
 * PostgreSQL session, and the others take its chats at their next look. A chat being read is not moved to a node
 * that starts later: Twitch does not repeat what was said, so a move would lose what is said between one node's
 * leaving and the other's joining; new and orphaned chats go to the nodes below their share.
 */
@Component
class ChatChannelClaims extends RepeatingJob {

    private static final Logger log = LoggerFactory.getLogger(ChatChannelClaims.class);

    private record Wanted(ChannelId channel, String login, Instant requestedAt) {
    }

    private final ClusterNode node;
    private final JdbcClient jdbc;
    private final Twitch4jChatReader reader;
    private final ChatProperties properties;
    private final Map<String, Wanted> reading = new HashMap<>();
    private long session;

    ChatChannelClaims(ClusterNode node, JdbcClient jdbc, Twitch4jChatReader reader, ChatProperties properties) {
        super("chat-claims", Duration.ZERO);
        this.node = node;
        this.jdbc = jdbc;
        this.reader = reader;
        this.properties = properties;
    }

    @Override
    protected Duration runOnce() {
        look();
        return properties.claimEvery();
    }

    synchronized void look() {
        long current = node.session();
        if (current != session) {
            if (!reading.isEmpty()) {
                log.warn("This node lost its claims on {} chats: leaving them to the other nodes", reading.size());
            }
            leaveAll();
            session = current;
        }
        if (current == 0) {
            return;
        }
        Map<String, Wanted> wanted = new HashMap<>();
        jdbc.sql("SELECT channel_id, login, requested_at FROM chat_channel ORDER BY channel_id")
            .query((row, i) -> new Wanted(new ChannelId(row.getString("channel_id")), row.getString("login"),
                    row.getTimestamp("requested_at").toInstant()))
            .list()
            .forEach(chat -> wanted.put(chat.channel().value(), chat));
        for (Iterator<Wanted> it = reading.values().iterator(); it.hasNext(); ) {
            Wanted read = it.next();
            Wanted now = wanted.get(read.channel().value());
            if (now == null) {
                reader.leave(read.channel(), read.login());
                node.release(claim(read.channel()));
                it.remove();
            } else if (now.requestedAt().isAfter(read.requestedAt())) {
                reader.join(now.channel(), now.login());
                reading.put(now.channel().value(), now);
            }
        }
        int share = (wanted.size() + node.nodes() - 1) / node.nodes();
        for (Wanted chat : wanted.values()) {
            if (reading.size() >= share) {
                break;
            }
            if (!reading.containsKey(chat.channel().value()) && node.claim(claim(chat.channel()))) {
                reader.join(chat.channel(), chat.login());
                reading.put(chat.channel().value(), chat);
            }
        }
    }

    private static String claim(ChannelId channel) {
        return "chat:" + channel.value();
    }

    private void leaveAll() {
        reader.leaveAll();
        reading.values().forEach(read -> node.release(claim(read.channel())));
        reading.clear();
    }

    @Override
    public void stop() {
        super.stop();
        synchronized (this) {
            leaveAll();
        }
    }
}
