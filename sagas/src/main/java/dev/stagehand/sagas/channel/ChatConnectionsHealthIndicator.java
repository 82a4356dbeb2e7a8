package dev.stagehand.sagas.channel;

import com.github.twitch4j.chat.enums.TMIConnectionState;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.stereotype.Component;

/**
 * This node's Twitch chat connections ({@code twitchChat}): UP while each is connected or on its way back (twitch4j
 * reconnects by itself), DOWN when one has given up or is being closed, so that chat that no longer arrives shows on
 * the health page and in an alert rather than as quiet overlays. Each connection's state and channel count are details.
 */
@Component("twitchChat")
class ChatConnectionsHealthIndicator extends AbstractHealthIndicator {

    private static final Set<TMIConnectionState> WORKING = Set.of(TMIConnectionState.CONNECTED,
            TMIConnectionState.CONNECTING, TMIConnectionState.RECONNECTING);

    private final Twitch4jChatReader reader;

    ChatConnectionsHealthIndicator(Twitch4jChatReader reader) {
        super("The Twitch chat connections could not be inspected");
        this.reader = reader;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        List<Twitch4jChatReader.ConnectionState> connections = reader.connectionStates();
        builder.status(connections.stream().allMatch(connection -> WORKING.contains(connection.state()))
                ? "UP" : "DOWN").withDetail("connections", connections.stream()
                        .map(connection -> Map.of("state", connection.state().name(),
                                "channels", connection.channels())).toList());
    }
}
