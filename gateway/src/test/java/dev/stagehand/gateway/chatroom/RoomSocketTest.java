package dev.stagehand.gateway.chatroom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.stagehand.api.chatroom.SubmittedRoomMessage;
import dev.stagehand.api.kafka.Topics;
import dev.stagehand.gateway.IntegrationTest;
import dev.stagehand.gateway.WebUser;
import dev.stagehand.secrets.Pseudonyms;
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
import org.springframework.kafka.core.KafkaTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The rooms' WebSocket with real clients: anonymous ones read but may not send, a logged-in one sends and everyone in
 * the room gets the styled message (the sender can match it by id), a burst is sampled with the rest counted, a joiner
 * gets the last ten, a deletion reaches everyone, a ban and bad messages are refused with a reason; a sender's quick
 * messages are answered and published in the order sent.
 */
class RoomSocketTest extends IntegrationTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @Autowired
    private KafkaTemplate<String, String> kafka;
    @Autowired
    private JsonMapper json;
    @Autowired
    private Pseudonyms pseudonyms;
    private final List<RoomClient> clients = new CopyOnWriteArrayList<>();

    private RoomClient client(String room, WebUser user) {
        RoomClient client = new RoomClient(baseUrl(), room, user, json);
        clients.add(client);
        return client;
    }

    @AfterEach
    void disconnect() {
        clients.forEach(RoomClient::close);
    }

    @Test
    void anonymousReadersSeeWhatAMemberSendsStyledButCannotSend() {
        WebUser member = twitchUser("room_member");
        RoomClient reader = client("pirate-cove", null);
        RoomClient writer = client("pirate-cove", member);
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
        for (RoomClient client : List.of(reader, writer)) {
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
        // Acknowledgements are awaited together, yet replies and messages keep the order they were sent in.
        assertThat(writer.frames.stream().map(frame -> frame.path("clientId").asString(""))
                .filter(clientId -> clientId.matches("w([4-9]|1[0-2])")))
                .containsExactlyElementsOf(IntStream.rangeClosed(4, 12).mapToObj(i -> "w" + i).toList());
        List<String> quickAccepted = IntStream.rangeClosed(4, 12)
                .filter(i -> writer.reply("w" + i).path("type").asString().equals("accepted"))
                .mapToObj(i -> "quick " + i).toList();
        await().atMost(WAIT).untilAsserted(() -> assertThat(writer.messages().stream()
                .map(message -> message.path("original").asString()).filter(text -> text.startsWith("quick ")))
                .containsExactlyElementsOf(quickAccepted));
    }

    @Test
    void aJoinerGetsTheLastTenAndDeletionsAndBansReachEveryone() {
        String sender = "sender-" + UUID.randomUUID();
        RoomClient watcher = client("skibidi-lounge", null);
        watcher.joined();
        List<String> ids = IntStream.range(0, 12).mapToObj(i -> submit("skibidi-lounge", sender, "line " + i))
                .toList();
        // Twelve at once are more than a person reads in a tick: the watcher gets a sample, the rest counted.
        // Readers know the sender by a pseudonym of this room, never by the account id.
        String pseudonym = pseudonyms.of("skibidi-lounge", sender);
        await().atMost(WAIT).until(() -> watcher.messages().stream()
                .filter(message -> message.path("sender").asString().equals(pseudonym)).count()
                + watcher.skipped() == 12);
        assertThat(watcher.skipped()).isPositive();
        assertThat(watcher.messages()).allSatisfy(message -> assertThat(message.toString()).doesNotContain(sender)
                .doesNotContain("senderId"));

        RoomClient joiner = client("skibidi-lounge", null);
        List<String> recent = StreamSupport.stream(joiner.joined().path("messages").spliterator(), false)
                .map(message -> message.path("messageId").asString()).toList();
        assertThat(recent).containsExactlyElementsOf(ids.subList(2, 12));

        operator().delete().uri("/api/rooms/skibidi-lounge/messages/{id}", ids.get(11)).exchange()
                .expectStatus().isNoContent();
        await().atMost(WAIT).until(() -> watcher.deleted().contains(ids.get(11))
                && joiner.deleted().contains(ids.get(11)));
        RoomClient late = client("skibidi-lounge", null);
        assertThat(StreamSupport.stream(late.joined().path("messages").spliterator(), false)
                .map(message -> message.path("messageId").asString())).doesNotContain(ids.get(11));

        WebUser troll = twitchUser("room_troll_two");
        operator().post().uri("/api/rooms/skibidi-lounge/bans").bodyValue(Map.of("accountId", accountId(troll),
                "reason", "spam")).exchange().expectStatus().isNoContent();
        RoomClient banned = client("skibidi-lounge", troll);
        banned.joined();
        AtomicInteger attempt = new AtomicInteger();
        await().atMost(WAIT).pollInterval(Duration.ofSeconds(1)).until(() -> {
            String clientId = "b" + attempt.incrementAndGet();
            banned.send(clientId, "let me in");
            return banned.reply(clientId).path("reason").asString("").equals("You are banned from this room.");
        });

        RoomClient nowhere = client("no-such-room", null);
        await().atMost(WAIT).until(() -> nowhere.closeCode.get() == 4404);
    }

    private String submit(String room, String sender, String text) {
        String id = UUID.randomUUID().toString();
        kafka.send(Topics.ROOM_SUBMITTED.name(), room, json.writeValueAsString(new SubmittedRoomMessage(
                SubmittedRoomMessage.SCHEMA_VERSION, id, room, sender, "Someone", text, Instant.now())));
        return id;
    }
}
