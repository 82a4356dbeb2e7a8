package dev.stagehand.gateway.chatroom;

import static org.awaitility.Awaitility.await;

import dev.stagehand.gateway.WebUser;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.StreamSupport;
import org.springframework.http.HttpHeaders;
import org.springframework.web.reactive.socket.WebSocketMessage;
import org.springframework.web.reactive.socket.client.ReactorNettyWebSocketClient;
import reactor.core.Disposable;
import reactor.core.publisher.Sinks;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A browser in a chat room, for tests: every frame it got, what it sends, how its socket closed. */
final class RoomClient implements AutoCloseable {

    private static final Duration WAIT = Duration.ofSeconds(30);

    final List<JsonNode> frames = new CopyOnWriteArrayList<>();
    final AtomicInteger closeCode = new AtomicInteger();
    private final Sinks.Many<String> outgoing = Sinks.many().unicast().onBackpressureBuffer();
    private final JsonMapper json;
    private final Disposable connection;

    /**
     * Joins {@code room} (with the socket's parameters after it, if any) on the Stagehand at {@code baseUrl}, as
     * {@code user} (its session), or anonymously.
     */
    RoomClient(String baseUrl, String room, WebUser user, JsonMapper json) {
        this.json = json;
        HttpHeaders headers = new HttpHeaders();
        if (user != null) {
            user.cookie("STAGEHAND_SESSION").ifPresent(id -> headers.add("Cookie", "STAGEHAND_SESSION=" + id));
        }
        URI uri = URI.create(baseUrl.replace("http://", "ws://") + "/ws/rooms/" + room);
        connection = new ReactorNettyWebSocketClient().execute(uri, headers, session -> session.send(
                        outgoing.asFlux().map(session::textMessage))
                .and(session.receive().map(WebSocketMessage::getPayloadAsText)
                        .doOnNext(text -> frames.add(json.readTree(text))).then())
                .then(session.closeStatus().doOnNext(status -> closeCode.set(status.getCode())).then()))
                .subscribe();
    }

    void send(String clientId, String text) {
        outgoing.tryEmitNext(json.writeValueAsString(Map.of("type", "send", "clientId", clientId, "text", text)));
    }

    JsonNode joined() {
        await().atMost(WAIT).until(() -> !frames.isEmpty());
        return frames.get(0);
    }

    JsonNode reply(String clientId) {
        await().atMost(WAIT).until(() -> frames.stream().anyMatch(frame -> clientId.equals(
                frame.path("clientId").asString(null))));
        return frames.stream().filter(frame -> clientId.equals(frame.path("clientId").asString(null)))
                .findFirst().orElseThrow();
    }

    List<JsonNode> messages() {
        return frames.stream().filter(frame -> frame.path("type").asString().equals("messages"))
                .flatMap(frame -> StreamSupport.stream(frame.path("messages").spliterator(), false)).toList();
    }

    /** The ids of every message it got, in its {@code joined} frame and then its {@code messages} frames, in order. */
    List<String> messageIds() {
        return frames.stream().filter(frame -> List.of("joined", "messages").contains(frame.path("type").asString()))
                .flatMap(frame -> StreamSupport.stream(frame.path("messages").spliterator(), false))
                .map(message -> message.path("messageId").asString()).toList();
    }

    /** The messages left out of its frames to keep the room readable. */
    long skipped() {
        return frames.stream().filter(frame -> frame.path("type").asString().equals("messages"))
                .mapToLong(frame -> frame.path("skipped").asLong()).sum();
    }

    List<String> deleted() {
        return frames.stream().filter(frame -> frame.path("type").asString().equals("messages"))
                .flatMap(frame -> StreamSupport.stream(frame.path("deleted").spliterator(), false))
                .map(JsonNode::asString).toList();
    }

    @Override
    public void close() {
        connection.dispose();
    }
}
