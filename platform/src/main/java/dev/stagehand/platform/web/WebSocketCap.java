package dev.stagehand.platform.web;

import dev.stagehand.platform.metrics.SocketMetrics;
import dev.stagehand.platform.problem.ProblemWriter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Refuses a WebSocket handshake with a 503 problem (and {@code Retry-After}) while this node has as many WebSockets
 * open as it may ({@link WebSocketProperties}): a flood of clients then costs them a retry, not the node its file
 * descriptors, and with them its Kafka broker. Open sockets and every other request are served as before.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
public class WebSocketCap implements WebFilter {

    private static final Logger log = LoggerFactory.getLogger(WebSocketCap.class);
    /** Below this many descriptors a node cannot take a busy room's readers: worth a warning at start. */
    private static final long LOW_LIMIT = 65_536;
    private static final String RETRY_AFTER_SECONDS = "5";

    private final SocketMetrics sockets;
    private final ProblemWriter problems;
    private final int cap;

    WebSocketCap(WebSocketProperties settings, SocketMetrics sockets, ProblemWriter problems, MeterRegistry meters) {
        this.sockets = sockets;
        this.problems = problems;
        long descriptors = FileDescriptors.limit();
        this.cap = settings.cap(descriptors);
        Gauge.builder("stagehand.websocket.cap", () -> cap)
                .description("WebSockets this node takes at most before refusing handshakes").register(meters);
        log.info("This node takes at most {} WebSockets ({}; it may open {} files)", cap,
                settings.maxConnections() > 0 ? "as configured" : "from the file limit", descriptors);
        if (descriptors >= 0 && descriptors < LOW_LIMIT) {
            log.warn("This process may open only {} files: raise the hard limit (ulimit -Hn, systemd's "
                    + "LimitNOFILE, the container's nofile) for busy rooms", descriptors);
        }
    }

    /** How many WebSockets this node takes at once. */
    public int cap() {
        return cap;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        if (!"websocket".equalsIgnoreCase(exchange.getRequest().getHeaders().getUpgrade())
                || sockets.open() < cap) {
            return chain.filter(exchange);
        }
        exchange.getResponse().getHeaders().set(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS);
        return problems.write(exchange, HttpStatus.SERVICE_UNAVAILABLE, "This node serves as many live connections "
                + "as it may (" + cap + "). Try again in a few seconds: another node may take it.");
    }
}
