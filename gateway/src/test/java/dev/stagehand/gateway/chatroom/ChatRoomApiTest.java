package dev.stagehand.gateway.chatroom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.stagehand.api.chatroom.SubmittedRoomMessage;
import dev.stagehand.api.kafka.Topics;
import dev.stagehand.gateway.IntegrationTest;
import dev.stagehand.live.chatroom.ShownRoomMessage;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.json.JsonMapper;

/** The rooms through the API: anyone reads them and their history; operators style and moderate them. */
class ChatRoomApiTest extends IntegrationTest {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final Map<String, Object> ROBOT = Map.of("name", "Robot", "prompt", "Say it as a robot would.",
            "rules", Map.of("replacements", Map.of("hello", "GREETINGS"), "openers", List.of("BEEP."),
                    "closers", List.of("BOOP."), "emojis", List.of("🤖")));

    @Autowired
    private KafkaTemplate<String, String> kafka;
    @Autowired
    private JsonMapper json;

    /** Bots post with the socket's limits; a retry with the same Idempotency-Key is the same message, stored once. */
    @Test
    void aPostedMessageIsAcceptedOnceWhateverTheRetries() {
        WebTestClient bot = as(twitchUser("room_bot"));
        String first = post(bot, "pirate-cove", "retry-1", "ahoy from a script");
        assertThat(post(bot, "pirate-cove", "retry-1", "ahoy from a script")).isEqualTo(first);
        String another = post(bot, "pirate-cove", null, "and one more");
        assertThat(another).isNotEqualTo(first);
        await().atMost(WAIT).until(() -> history("pirate-cove").stream()
                .filter(message -> message.messageId().equals(first) || message.messageId().equals(another))
                .count() == 2);

        for (String bad : List.of("", " ".repeat(3), "x".repeat(501))) {
            bot.post().uri("/api/rooms/pirate-cove/messages").bodyValue(Map.of("text", bad)).exchange()
                    .expectStatus().isBadRequest().expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
        }
        bot.post().uri("/api/rooms/pirate-cove/messages").header("Idempotency-Key", "not a key!")
                .bodyValue(Map.of("text", "hi")).exchange().expectStatus().isBadRequest();
        bot.post().uri("/api/rooms/no-such-room/messages").bodyValue(Map.of("text", "hi")).exchange()
                .expectStatus().isNotFound();
        // without a login (nor a CSRF token) nothing is said
        anonymous().post().uri("/api/rooms/pirate-cove/messages").bodyValue(Map.of("text", "hi")).exchange()
                .expectStatus().value(status -> assertThat(status).isIn(401, 403));
        // five at once, then one a second: a burst past that is told to slow down
        List<Integer> statuses = IntStream.range(0, 8).mapToObj(i -> bot.post()
                .uri("/api/rooms/pirate-cove/messages").bodyValue(Map.of("text", "flood " + i)).exchange()
                .returnResult(String.class).getStatus().value()).toList();
        assertThat(statuses).contains(429);
    }

    private static String post(WebTestClient client, String room, String key, String text) {
        WebTestClient.RequestBodySpec request = client.post().uri("/api/rooms/{room}/messages", room);
        if (key != null) {
            request = request.header("Idempotency-Key", key);
        }
        return (String) request.bodyValue(Map.of("text", text)).exchange().expectStatus().isAccepted()
                .expectBody(Map.class).returnResult().getResponseBody().get("messageId");
    }

    @Test
    void anyoneReadsTheRoomsAndTheirHistoryWithoutDeletedMessages() {
        await().atMost(WAIT).until(() -> rooms().size() >= 3);
        assertThat(rooms()).extracting(room -> (Object) ((Map<?, ?>) room.get("roomId")).get("slug"))
                .contains("pirate-cove", "skibidi-lounge", "the-globe");
        String first = submit("the-globe", "hello you");
        String second = submit("the-globe", "are you well");
        await().atMost(WAIT).until(() -> history("the-globe").stream()
                .filter(message -> message.messageId().equals(first) || message.messageId().equals(second))
                .count() == 2);
        List<ShownRoomMessage> history = history("the-globe");
        assertThat(history.get(0).messageId()).isEqualTo(second);
        assertThat(history.get(0).original()).isEqualTo("are you well");
        assertThat(history.get(0).styled()).isEqualTo("LLM: are you well");
        assertThat(history.get(0).stylist()).isEqualTo("llama3.2:1b");
        // Anonymous readers know the sender by a pseudonym of the room, never by the account id.
        assertThat(history.get(0).sender()).matches("[A-Za-z0-9_-]{16}");
        assertThat(history.get(0).sender()).isEqualTo(history.get(1).sender());

        operator().delete().uri("/api/rooms/the-globe/messages/{id}", first).exchange().expectStatus().isNoContent();
        await().atMost(WAIT).until(() -> history("the-globe").stream()
                .noneMatch(message -> message.messageId().equals(first)));

        anonymous().get().uri("/api/rooms/no-such-room/messages").exchange().expectStatus().isNotFound();
        anonymous().get().uri("/api/rooms/Not A Room").exchange().expectStatus().isNotFound();
        anonymous().get().uri("/api/rooms/the-globe/messages?limit=0").exchange().expectStatus().isBadRequest()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
        anonymous().delete().uri("/api/rooms/the-globe/messages/{id}", second).exchange()
                .expectStatus().isForbidden();
    }

    @Test
    void operatorsCreateRoomsChangeStylesAndBanButNobodyElse() {
        WebTestClient chatter = as(twitchUser("room_regular"));
        chatter.put().uri("/api/rooms/pirate-cove/style").bodyValue(ROBOT).exchange().expectStatus().isForbidden()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
        chatter.post().uri("/api/rooms").bodyValue(Map.of("slug", "robots", "title", "Robots", "style", ROBOT))
                .exchange().expectStatus().isForbidden();

        operator().post().uri("/api/rooms").bodyValue(Map.of("slug", "robot-lab", "title", "Robot Lab",
                "style", ROBOT)).exchange().expectStatus().isCreated()
                .expectBody().jsonPath("$.style.name").isEqualTo("Robot");
        operator().post().uri("/api/rooms").bodyValue(Map.of("slug", "robot-lab", "title", "Again", "style", ROBOT))
                .exchange().expectStatus().isEqualTo(409);
        operator().post().uri("/api/rooms").bodyValue(Map.of("slug", "Robot Lab!", "title", "x", "style", ROBOT))
                .exchange().expectStatus().isBadRequest();
        operator().put().uri("/api/rooms/robot-lab/style").bodyValue(Map.of("name", "Robot", "prompt", "",
                "rules", ROBOT.get("rules"))).exchange().expectStatus().isBadRequest()
                .expectBody().jsonPath("$.detail").isEqualTo("A style needs a prompt of at most 2000 characters");

        String chatterId = accountId(twitchUser("room_troll"));
        operator().post().uri("/api/rooms/robot-lab/bans").bodyValue(Map.of("accountId", chatterId, "reason", "spam"))
                .exchange().expectStatus().isNoContent();
        await().atMost(WAIT).untilAsserted(() -> operator().get().uri("/api/rooms/robot-lab/bans").exchange()
                .expectStatus().isOk().expectBody().jsonPath("$[0].value").isEqualTo(chatterId));
        operator().delete().uri("/api/rooms/robot-lab/bans/{id}", chatterId).exchange().expectStatus().isNoContent();
        await().atMost(WAIT).untilAsserted(() -> operator().get().uri("/api/rooms/robot-lab/bans").exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.length()").isEqualTo(0));

        String said = submit("robot-lab", "hello humans");
        await().atMost(WAIT).until(() -> history("robot-lab").stream()
                .anyMatch(message -> message.messageId().equals(said)));
        assertThat(history("robot-lab").get(0).style()).isEqualTo("Robot");
    }

    private List<Map<String, Object>> rooms() {
        return anonymous().get().uri("/api/rooms").exchange().expectStatus().isOk()
                .expectBody(new ParameterizedTypeReference<List<Map<String, Object>>>() { }).returnResult()
                .getResponseBody();
    }

    private List<ShownRoomMessage> history(String room) {
        return anonymous().get().uri("/api/rooms/{room}/messages", room).exchange().expectStatus().isOk()
                .expectBody(new ParameterizedTypeReference<List<ShownRoomMessage>>() { }).returnResult()
                .getResponseBody();
    }

    private String submit(String room, String text) {
        String id = UUID.randomUUID().toString();
        kafka.send(Topics.ROOM_SUBMITTED.name(), room, json.writeValueAsString(new SubmittedRoomMessage(
                SubmittedRoomMessage.SCHEMA_VERSION, id, room, "someone", "Someone", text, Instant.now())));
        return id;
    }
}
