package dev.stagehand.gateway.chatroom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.stagehand.api.chatroom.SubmittedRoomMessage;
import dev.stagehand.api.kafka.Topics;
import dev.stagehand.gateway.IntegrationTest;
import dev.stagehand.gateway.WebUser;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.web.reactive.socket.WebSocketMessage;
import org.springframework.web.reactive.socket.client.ReactorNettyWebSocketClient;
import reactor.core.Disposable;
import reactor.core.publisher.Sinks;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The rooms' WebSocket with real clients: anonymous ones read but may not send, a logged-in one sends and everyone in
 * the room gets the styled message (the sender can match it by id), a burst is sampled with the rest counted, a joiner
 * gets the last ten, a deletion reaches everyone, a ban and bad messages are refused with a reason.
 */
class RoomSocketTest extends IntegrationTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @Autowired
    private KafkaTemplate<String, String> kafka;
    @Autowired
    private JsonMapper json;
    private final List<Client> clients = new CopyOnWriteArrayList<>();

    /** A browser in a room: every frame it got, what it sends, how its socket closed. */
    private final class Client {
        final List<JsonNode> frames = new CopyOnWriteArrayList<>();
        final Sinks.Many<String> outgoing = Sinks.many().unicast().onBackpressureBuffer();
        final AtomicInteger closeCode = new AtomicInteger();
        final Disposable connection;

        Client(String room, WebUser user) {
            HttpHeaders headers = new HttpHeaders();
            if (user != null) {
                user.cookie("STAGEHAND_SESSION").ifPresent(id -> headers.add("Cookie", "STAGEHAND_SESSION=" + id));
            }
            URI uri = URI.create(baseUrl().replace("http://", "ws://") + "/ws/rooms/" + room);
            connection = new ReactorNettyWebSocketClient().execute(uri, headers, session -> session.send(
                            outgoing.asFlux().map(session::textMessage))
                    .and(session.receive().map(WebSocketMessage::getPayloadAsText)
                            .doOnNext(text -> frames.add(json.readTree(text))).then())
                    .then(session.closeStatus().doOnNext(status -> closeCode.set(status.getCode())).then()))
                    .subscribe();
            clients.add(this);
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

        long skipped() {
            return frames.stream().filter(frame -> frame.path("type").asString().equals("messages"))
                    .mapToLong(frame -> frame.path("skipped").asLong()).sum();
        }

        List<String> deleted() {
            return frames.stream().filter(frame -> frame.path("type").asString().equals("messages"))
                    .flatMap(frame -> StreamSupport.stream(frame.path("deleted").spliterator(), false))
                    .map(JsonNode::asString).toList();
        }
    }

    @AfterEach
    void disconnect() {
        clients.forEach(client -> client.connection.dispose());
    }

    @Test
    void anonymousReadersSeeWhatAMemberSendsStyledButCannotSend() {
        WebUser member = twitchUser("room_member");
        Client reader = new Client("pirate-cove", null);
        Client writer = new Client("pirate-cove", member);
        assertThat(reader.joined().path("canSend").asBoolean()).isFalse();
        assertThat(writer.joined().path("canSend").asBoolean()).isTrue();
        assertThat(writer.joined().path("style").asString()).isEqualTo("Pirate");

        reader.send("r1", "hello there");
        assertThat(reader.reply("r1").path("type").asString()).isEqualTo("refused");
        assertThat(reader.reply("r1").path("reason").asString()).startsWith("Log in to send messages");

        writer.send("w1", "hello my friend");
        JsonNode accepted = writer.reply("w1");
        assertThat(accepted.path("type").asString()).isEqualTo("accepted");
        String messageId = accepted.path("messageId").asString();
        for (Client client : List.of(reader, writer)) {
            await().atMost(WAIT).until(() -> client.messages().stream()
                    .anyMatch(message -> message.path("messageId").asString().equals(messageId)));
            JsonNode message = client.messages().stream()
                    .filter(candidate -> candidate.path("messageId").asString().equals(messageId)).findFirst()
                    .orElseThrow();
            assertThat(message.path("original").asString()).isEqualTo("hello my friend");
            assertThat(message.path("styled").asString()).isEqualTo("LLM: hello my friend");
            assertThat(message.path("style").asString()).isEqualTo("Pirate");
            assertThat(message.path("senderName").asString()).isEqualTo("Room_member");
        }

        writer.send("w2", "x".repeat(501));
        assertThat(writer.reply("w2").path("reason").asString()).isEqualTo("A message has at most 500 characters.");
        writer.send("w3", "   ");
        assertThat(writer.reply("w3").path("reason").asString()).isEqualTo("An empty message is not sent.");
        IntStream.rangeClosed(4, 12).forEach(i -> writer.send("w" + i, "quick " + i));
        await().atMost(WAIT).until(() -> IntStream.rangeClosed(4, 12).allMatch(i -> writer.frames.stream()
                .anyMatch(frame -> ("w" + i).equals(frame.path("clientId").asString(null)))));
        assertThat(IntStream.rangeClosed(4, 12).mapToObj(i -> writer.reply("w" + i).path("reason").asString(""))
                .filter(reason -> reason.startsWith("Slow down"))).isNotEmpty();
    }

    @Test
    void aJoinerGetsTheLastTenAndDeletionsAndBansReachEveryone() {
        String sender = "sender-" + UUID.randomUUID();
        Client watcher = new Client("skibidi-lounge", null);
        watcher.joined();
        List<String> ids = IntStream.range(0, 12).mapToObj(i -> submit("skibidi-lounge", sender, "line " + i))
                .toList();
        // Twelve at once are more than a person reads in a tick: the watcher gets a sample, the rest counted.
        await().atMost(WAIT).until(() -> watcher.messages().stream()
                .filter(message -> message.path("senderId").asString().equals(sender)).count()
                + watcher.skipped() == 12);
        assertThat(watcher.skipped()).isPositive();

        Client joiner = new Client("skibidi-lounge", null);
        List<String> recent = StreamSupport.stream(joiner.joined().path("messages").spliterator(), false)
                .map(message -> message.path("messageId").asString()).toList();
        assertThat(recent).containsExactlyElementsOf(ids.subList(2, 12));

        operator().delete().uri("/api/rooms/skibidi-lounge/messages/{id}", ids.get(11)).exchange()
                .expectStatus().isOk();
        await().atMost(WAIT).until(() -> watcher.deleted().contains(ids.get(11))
                && joiner.deleted().contains(ids.get(11)));
        Client late = new Client("skibidi-lounge", null);
        assertThat(StreamSupport.stream(late.joined().path("messages").spliterator(), false)
                .map(message -> message.path("messageId").asString())).doesNotContain(ids.get(11));

        WebUser troll = twitchUser("room_troll_two");
        operator().post().uri("/api/rooms/skibidi-lounge/bans").bodyValue(Map.of("accountId", accountId(troll),
                "reason", "spam")).exchange().expectStatus().isOk();
        Client banned = new Client("skibidi-lounge", troll);
        banned.joined();
        AtomicInteger attempt = new AtomicInteger();
        await().atMost(WAIT).pollInterval(Duration.ofSeconds(1)).until(() -> {
            String clientId = "b" + attempt.incrementAndGet();
            banned.send(clientId, "let me in");
            return banned.reply(clientId).path("reason").asString("").equals("You are banned from this room.");
        });

        Client nowhere = new Client("no-such-room", null);
        await().atMost(WAIT).until(() -> nowhere.closeCode.get() == 4404);
    }

    private String submit(String room, String sender, String text) {
        String id = UUID.randomUUID().toString();
        kafka.send(Topics.ROOM_SUBMITTED.name(), room, json.writeValueAsString(new SubmittedRoomMessage(
                SubmittedRoomMessage.SCHEMA_VERSION, id, room, sender, "Someone", text, Instant.now())));
        return id;
    }
}
