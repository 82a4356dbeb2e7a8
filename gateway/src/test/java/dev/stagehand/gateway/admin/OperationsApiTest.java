package dev.stagehand.gateway.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.stagehand.api.account.AccountId;
import dev.stagehand.api.chatroom.ChatRoomCreated;
import dev.stagehand.api.chatroom.ChatterBanned;
import dev.stagehand.api.chatroom.RoomId;
import dev.stagehand.api.chatroom.RoomStyle;
import dev.stagehand.api.chatroom.StyleRules;
import dev.stagehand.api.kafka.Topic;
import dev.stagehand.api.kafka.Topics;
import dev.stagehand.gateway.IntegrationTest;
import dev.stagehand.platform.axon.DeadLetters;
import dev.stagehand.query.rebuild.RebuildStatus;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.InstanceOfAssertFactories;
import org.assertj.core.data.Offset;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.test.web.reactive.server.WebTestClient;


/** The operations console's API: dead letters listed, retried and dropped; Kafka's consumer groups; what runs where. */
class OperationsApiTest extends IntegrationTest {

    private static final String LETTERS = "/api/admin/processors/chat-rooms/dead-letters";

    @Autowired
    private EventStore eventStore;
    @Autowired
    private KafkaTemplate<String, String> kafka;

    /** Anonymous callers learn whether Stagehand is up; users each part's status; operators every detail. */
    @Test
    void healthShowsEachCallerWhatTheyMayKnow() {
        assertThat(health(anonymous(), "/actuator/health")).containsKey("status").doesNotContainKey("components");
        // Kubernetes' probes (deploy/kubernetes)
        assertThat(health(anonymous(), "/actuator/health/liveness")).containsEntry("status", "UP");
        assertThat(health(anonymous(), "/actuator/health/readiness")).containsEntry("status", "UP");
        WebTestClient streamer = as(twitchUser("health_reader"));
        assertThat(health(streamer, "/actuator/health")).containsKey("status").doesNotContainKey("components");
        Map<String, Object> parts = health(streamer, "/actuator/health/parts");
        assertThat(parts.get("components")).asInstanceOf(InstanceOfAssertFactories.MAP)
                .containsOnlyKeys("db", "kafka", "eventProcessors", "chatStream", "connections", "twitchChat")
                .allSatisfy((name, part) -> assertThat(part).asInstanceOf(InstanceOfAssertFactories.MAP)
                        .containsOnlyKeys("status"));
        assertThat(health(anonymous(), "/actuator/health/parts")).containsKey("status")
                .doesNotContainKey("components");
        // the original stats API's health, public
        anonymous().get().uri("/api/health").exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.status").isEqualTo("healthy")
                .jsonPath("$.timestamp").value(Number.class, at -> assertThat(at.longValue())
                        .isCloseTo(System.currentTimeMillis() / 1000, Offset.offset(60L)))
                .jsonPath("$.services.database").isEqualTo("connected")
                .jsonPath("$.services.kafka").isEqualTo("connected")
                .jsonPath("$.services.event_processors").isEqualTo("running")
                .jsonPath("$.services.chat_stream").isEqualTo("running");
        Map<String, Object> full = health(operator(), "/actuator/health");
        assertThat(full.get("components")).asInstanceOf(InstanceOfAssertFactories.MAP)
                .extractingByKey("kafka").asInstanceOf(InstanceOfAssertFactories.MAP).containsKey("details");
        assertThat(full.get("components")).asInstanceOf(InstanceOfAssertFactories.MAP)
                .extractingByKey("connections").asInstanceOf(InstanceOfAssertFactories.MAP)
                .extractingByKey("details").asInstanceOf(InstanceOfAssertFactories.MAP)
                .containsKeys("webSockets", "webSocketCap", "full", "openFiles", "fileLimit");
        assertThat(full.get("components")).asInstanceOf(InstanceOfAssertFactories.MAP)
                .extractingByKey("twitchChat").asInstanceOf(InstanceOfAssertFactories.MAP)
                .extractingByKey("details").asInstanceOf(InstanceOfAssertFactories.MAP)
                .containsKey("connections");
    }

    /** Every topic with its partitions, size and what Kafka keeps of it, as Topics declares it. */
    @Test
    void kafkasTopicsAreListedWithWhatTheyKeep() {
        kafka.send(Topics.CHAT_DEAD_LETTERS.name(), "990401", "a record that was no chat record").join();
        await().atMost(Duration.ofSeconds(30)).until(() -> topics().stream()
                .filter(topic -> topic.get("name").equals(Topics.CHAT_DEAD_LETTERS.name()))
                .anyMatch(topic -> ((Number) topic.get("bytes")).longValue() > 0));
        List<Map<String, Object>> topics = topics();
        assertThat(topics).extracting(topic -> topic.get("name")).containsExactlyElementsOf(
                Topics.ALL.stream().map(Topic::name).toList());
        assertThat(topics).allSatisfy(topic -> {
            assertThat(topic.get("declared")).as("%s", topic).isEqualTo(true);
            assertThat(((Number) topic.get("bytes")).longValue()).isNotNegative();
        });
        assertThat(topics).filteredOn(topic -> topic.get("name").equals("stagehand.chat.stats")).singleElement()
                .satisfies(stats -> assertThat(stats).containsEntry("compacted", true).containsEntry("partitions", 12));
        assertThat(topics).filteredOn(topic -> topic.get("name").equals("stagehand.chat.messages")).singleElement()
                .satisfies(chat -> assertThat(((Number) chat.get("retentionMs")).longValue())
                        .isEqualTo(Duration.ofDays(7).toMillis()));
        as(twitchUser("topic_peeker")).get().uri("/api/admin/kafka/topics").exchange().expectStatus().isForbidden();
    }

    private List<Map<String, Object>> topics() {
        return operator().get().uri("/api/admin/kafka/topics").exchange().expectStatus().isOk()
                .expectBody(new ParameterizedTypeReference<List<Map<String, Object>>>() { }).returnResult()
                .getResponseBody();
    }

    private static Map<String, Object> health(WebTestClient client, String path) {
        return client.get().uri(path).exchange().expectStatus().isOk()
                .expectBody(new ParameterizedTypeReference<Map<String, Object>>() { }).returnResult()
                .getResponseBody();
    }

    @Test
    void deadLettersAreListedRetriedAndDropped() {
        WebTestClient operator = operator();
        RoomId room = new RoomId("dead-letter-room");
        // A ban in a room the read model does not know fails (foreign key); the room's creation waits behind it.
        eventStore.publish(new GenericDomainEventMessage<>("ChatRoom", room.toString(), 0,
                new ChatterBanned(room, new AccountId("someone"), "before the room existed")));
        await().atMost(Duration.ofSeconds(30)).until(() -> letters(operator).size() == 1);
        DeadLetters.Letter ban = letters(operator).get(0);
        assertThat(ban.eventType()).isEqualTo("ChatterBanned");
        assertThat(ban.sequence()).isEqualTo(room.toString());
        assertThat(ban.cause()).contains("chat_room_ban_view");
        eventStore.publish(new GenericDomainEventMessage<>("ChatRoom", room.toString(), 1, new ChatRoomCreated(room,
                "Dead letters", new RoomStyle("Plain", "Say it plainly.", new StyleRules(Map.of(), List.of(),
                List.of(), List.of())))));
        await().atMost(Duration.ofSeconds(30)).until(() -> letters(operator).size() == 2);

        operator.post().uri(LETTERS + "/retry").exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.before").isEqualTo(2).jsonPath("$.after").isEqualTo(2);
        operator.delete().uri(LETTERS + "/{id}", ban.eventId()).exchange().expectStatus().isNoContent();
        operator.delete().uri(LETTERS + "/{id}", ban.eventId()).exchange().expectStatus().isNotFound();
        operator.post().uri(LETTERS + "/retry").exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.before").isEqualTo(1).jsonPath("$.after").isEqualTo(0);
        anonymous().get().uri("/api/rooms/dead-letter-room").exchange().expectStatus().isOk();

        // A rebuild meets the dropped event again: it leaves it out, and says so.
        RebuildStatus ready = Rebuilds.startAndAwaitReady(operator, "chat-rooms");
        assertThat(ready.skippedEvents()).isPositive();
        assertThat(ready.skipped()).anySatisfy(skipped -> {
            assertThat(skipped.eventId()).isEqualTo(ban.eventId());
            assertThat(skipped.reason()).contains("chat_room_ban_view");
        });
        operator.post().uri("/api/admin/processors/chat-rooms/rebuild/discard").exchange().expectStatus().isAccepted();

        operator.post().uri("/api/admin/processors/ClipSagaProcessor/dead-letters/retry").exchange()
                .expectStatus().isEqualTo(409);
        operator.get().uri("/api/admin/processors/no-such-processor/dead-letters").exchange()
                .expectStatus().isNotFound();
        as(twitchUser("letters_curious")).get().uri(LETTERS).exchange().expectStatus().isForbidden();
    }

    @Test
    void kafkaConsumerGroupsAndWhatRunsWhereAreShown() {
        operator().get().uri("/api/admin/kafka/groups").exchange().expectStatus().isOk().expectBody()
                .jsonPath("$[?(@.group == 'stagehand-chat-history')].members").value(members ->
                        assertThat(members.toString()).isNotEqualTo("[]").doesNotContain("[0]"))
                .jsonPath("$[?(@.group == 'stagehand-chat-history')].lag").exists();
        operator().get().uri("/api/admin/infrastructure").exchange().expectStatus().isOk().expectBody()
                .jsonPath("$[?(@.name == 'PostgreSQL')].embedded").isEqualTo(true)
                .jsonPath("$[?(@.name == 'Kafka')].embedded").isEqualTo(true)
                .jsonPath("$[?(@.name == 'Event store')].where").isEqualTo("PostgreSQL (domain_event_entry)")
                .jsonPath("$[?(@.name == 'Twitch')].embedded").isEqualTo(true);
        List<Infrastructure.Part> parts = operator().get().uri("/api/admin/infrastructure").exchange()
                .expectBody(new ParameterizedTypeReference<List<Infrastructure.Part>>() {
                }).returnResult().getResponseBody();
        assertThat(parts).extracting(Infrastructure.Part::where).as("where the embedded servers listen")
                .anyMatch(where -> where.matches("jdbc:postgresql://[\\w.]+:\\d+/postgres"))
                .anyMatch(where -> where.matches("127\\.0\\.0\\.1:\\d+"));
        anonymous().get().uri("/api/admin/kafka/groups").exchange().expectStatus().isUnauthorized();
    }

    private List<DeadLetters.Letter> letters(WebTestClient operator) {
        return operator.get().uri(LETTERS).exchange().expectStatus().isOk()
                .expectBody(new ParameterizedTypeReference<List<DeadLetters.Letter>>() {
                }).returnResult().getResponseBody();
    }
}
