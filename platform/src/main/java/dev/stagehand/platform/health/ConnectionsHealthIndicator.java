package dev.stagehand.platform.health;

import dev.stagehand.platform.metrics.SocketMetrics;
import dev.stagehand.platform.web.FileDescriptors;
import dev.stagehand.platform.web.WebSocketCap;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.stereotype.Component;

/**
 * This node's connections: WebSockets open and how many it takes, file descriptors open and how many it may have.
 * Always UP: a full node still serves everyone connected; new WebSockets are refused with a 503 until some close.
 */
@Component
class ConnectionsHealthIndicator extends AbstractHealthIndicator {

    private final SocketMetrics sockets;
    private final WebSocketCap cap;

    ConnectionsHealthIndicator(SocketMetrics sockets, WebSocketCap cap) {
        super("The connections could not be counted");
        this.sockets = sockets;
        this.cap = cap;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        int open = sockets.open();
        builder.up()
                .withDetail("webSockets", open)
                .withDetail("webSocketCap", cap.cap())
                .withDetail("full", open >= cap.cap())
                .withDetail("openFiles", FileDescriptors.open())
                .withDetail("fileLimit", FileDescriptors.limit());
    }
}
