package dev.stagehand.gateway.chatroom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import dev.stagehand.api.chatroom.PublishedRoomMessage;
import dev.stagehand.api.kafka.Topics;
import dev.stagehand.gateway.IntegrationTest;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.core.KafkaTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Coming back to a room and reading all of it: a client that reconnects with {@code ?since=} gets every message it
 * missed exactly once, while the room keeps talking (from the node's memory, or from history and then memory); past
 * the bound, or with an unknown id, a {@code gap} frame and the last ten. A {@code full} reader gets every message; one
 * that stops reading is told it is too slow and closed, while the room goes on for everyone else. History is kept in
 * days, paged back by message id, and days past the retention period are dropped.
 */
class RoomResumeTest extends IntegrationTest {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final DateTimeFormatter DAY = DateTimeFormatter.BASIC_ISO_DATE;
    private static final Map<String, Object> PLAIN = Map.of("name", "Plain", "prompt", "Say it as it is.",
            "rules", Map.of("replacements", Map.of(), "openers", List.of(), "closers", List.of(), "emojis", List.of()));

    @Autowired
    private KafkaTemplate<String, String> kafka;
    @Autowired
    private JsonMapper json;
    @Autowired
    private MeterRegistry meters;
    @Autowired
    private JdbcClient jdbc;
    @Autowired
    private Scheduler scheduler;
    @Autowired
    private RecurringTask<Void> roomHistoryMaintenanceTask;
    private final List<RoomClient> clients = new CopyOnWriteArrayList<>();

    private RoomClient client(String roomAndParameters) {
        RoomClient client = new RoomClient(baseUrl(), roomAndParameters, null, json);
        clients.add(client);
        return client;
    }

    @AfterEach
    void disconnect() {
        clients.forEach(RoomClient::close);
    }

    private String newRoom() {
        String slug = "resume-" + UUID.randomUUID().toString().substring(0, 8);
        operator().post().uri("/api/rooms").bodyValue(Map.of("slug", slug, "title", slug, "style", PLAIN)).exchange()
                .expectStatus().isCreated();
        return slug;
    }

    /** Publishes {@code count} messages to {@code room} as the skibidifier would; their ids, in order. */
    private List<String> publish(String room, int count) {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String id = UUID.randomUUID().toString();
            Instant now = Instant.now();
            kafka.send(Topics.ROOM_PUBLISHED.name(), room, json.writeValueAsString(new PublishedRoomMessage(
                    PublishedRoomMessage.SCHEMA_VERSION, id, room, "account-" + (i % 7), "Chatter " + (i % 7),
                    "message " + i + " " + "x".repeat(300), "message " + i, "Plain", "rules", null, now, now)));
            ids.add(id);
        }
        kafka.flush();
        return ids;
    }

    private void awaitInHistory(String room, String messageId) {
        await().atMost(WAIT).until(() -> anonymous().get().uri("/api/rooms/{room}/messages?limit=1", room)
                .exchange().expectBody(JsonNode.class).returnResult().getResponseBody().path(0).path("messageId")
                .asString("").equals(messageId));
    }

    @Test
    void aReaderThatComesBackWhileTheRoomTalksGetsEveryMessageOnce() {
        String room = newRoom();
        RoomClient before = client(room + "?mode=full");
        assertThat(before.joined().path("mode").asString()).isEqualTo("full");
        List<String> seen = publish(room, 5);
        await().atMost(WAIT).until(() -> before.messageIds().equals(seen));
        before.close();

        List<String> missed = publish(room, 150);
        // It comes back while the room goes on: what it missed, then the rest live, nothing twice, nothing lost.
        RoomClient back = client(room + "?mode=full&since=" + seen.get(4));
        List<String> meanwhile = publish(room, 150);
        assertThat(back.joined().path("since").asString()).isEqualTo(seen.get(4));
        List<String> expected = new ArrayList<>(missed);
        expected.addAll(meanwhile);
        await().atMost(WAIT).until(() -> back.messageIds().size() >= expected.size());
        assertThat(back.messageIds()).containsExactlyElementsOf(expected);
        assertThat(back.frames.stream().filter(frame -> frame.path("type").asString().equals("gap"))).isEmpty();
    }

    @Test
    void pastWhatTheNodeKeepsHistoryFillsInAndPastTheBoundComesAGap() {
        String room = newRoom();
        String since = publish(room, 1).get(0);
        List<String> thousand = publish(room, 1000);
        awaitInHistory(room, thousand.get(999));
        // The node keeps the last thousand: the one it came back after is only in history now.
        RoomClient back = client(room + "?mode=full&since=" + since);
        await().atMost(WAIT).until(() -> back.messageIds().size() >= 1000);
        assertThat(back.messageIds()).containsExactlyElementsOf(thousand);
        assertThat(back.frames).allSatisfy(frame -> assertThat(frame.toString().length()).isLessThan(65_536));

        List<String> more = publish(room, 1);
        awaitInHistory(room, more.get(0));
        RoomClient tooLate = client(room + "?since=" + since);
        await().atMost(WAIT).until(() -> tooLate.frames.size() >= 2);
        assertThat(tooLate.frames.get(0).path("type").asString()).isEqualTo("gap");
        assertThat(tooLate.frames.get(0).path("reason").asString())
                .isEqualTo("More than 1000 messages were said since " + since + ".");
        assertThat(tooLate.frames.get(1).path("type").asString()).isEqualTo("joined");
        assertThat(tooLate.frames.get(1).has("since")).isFalse();
        List<String> lastTen = new ArrayList<>(thousand.subList(991, 1000));
        lastTen.add(more.get(0));
        assertThat(tooLate.messageIds()).containsExactlyElementsOf(lastTen);

        RoomClient unknown = client(room + "?since=" + UUID.randomUUID());
        await().atMost(WAIT).until(() -> unknown.frames.size() >= 2);
        assertThat(unknown.frames.get(0).path("reason").asString()).startsWith("No message ");
        assertThat(unknown.messageIds()).containsExactlyElementsOf(lastTen);

        for (String wrong : List.of("?since=../x", "?mode=firehose", "?mode=full&mode=sampled")) {
            RoomClient refused = client(room + wrong);
            await().atMost(WAIT).until(() -> refused.closeCode.get() == 4400);
            assertThat(refused.frames).isEmpty();
        }
    }

    @Test
    void historyIsKeptByDayPagedBackByIdAndDroppedPastItsRetention() {
        String room = newRoom();
        List<String> ids = publish(room, 5);
        awaitInHistory(room, ids.get(4));
        assertThat(page(room, "limit=2")).containsExactly(ids.get(4), ids.get(3));
        assertThat(page(room, "limit=2&beforeId=" + ids.get(3))).containsExactly(ids.get(2), ids.get(1));
        assertThat(page(room, "limit=2&beforeId=" + ids.get(1))).containsExactly(ids.get(0));
        anonymous().get().uri("/api/rooms/{room}/messages?beforeId={id}", room, "no-such-message").exchange()
                .expectStatus().isNotFound()
                .expectBody().jsonPath("$.detail").isEqualTo("There is no message no-such-message in the room "
                        + room + ".");
        anonymous().get().uri("/api/rooms/{room}/messages?beforeId={id}&before=2026-12-01T00:00:00Z", room,
                ids.get(1)).exchange().expectStatus().isBadRequest()
                .expectBody().jsonPath("$.detail").isEqualTo("Page back by before or by beforeId, not both");

        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        assertThat(tables("room_message_p" + DAY.format(today))).isOne();
        LocalDate old = today.minusDays(40);
        String expired = "room_message_p" + DAY.format(old);
        jdbc.sql("CREATE TABLE " + expired + " PARTITION OF room_message FOR VALUES FROM ('" + old
                 + " 00:00:00+00') TO ('" + old.plusDays(1) + " 00:00:00+00')").update();
        jdbc.sql("""
                INSERT INTO room_message (slug, message_id, sender_id, sender_name, original, styled, style, stylist,
                                          submitted_at, published_at)
                VALUES (:room, 'long-ago', 'account-0', 'Chatter', 'then', 'then', 'Plain', 'rules', :at, :at)""")
                .param("room", room).param("at", Timestamp.from(old.atStartOfDay(ZoneOffset.UTC).toInstant()))
                .update();
        scheduler.reschedule(roomHistoryMaintenanceTask.instance(RecurringTask.INSTANCE), Instant.now());
        await().atMost(WAIT).until(() -> tables(expired) == 0);
        assertThat(tables("room_message_p" + DAY.format(today))).isOne();
        assertThat(page(room, "limit=10")).containsExactly(ids.get(4), ids.get(3), ids.get(2), ids.get(1), ids.get(0));
    }

    private List<String> page(String room, String parameters) {
        return anonymous().get().uri("/api/rooms/" + room + "/messages?" + parameters).exchange()
                .expectStatus().isOk().expectBody(JsonNode.class).returnResult().getResponseBody().valueStream()
                .map(message -> message.path("messageId").asString()).toList();
    }

    private long tables(String name) {
        return jdbc.sql("SELECT count(*) FROM pg_class WHERE relname = :name").param("name", name)
                   .query(Long.class).single();
    }

    /** A WebSocket client that reads nothing until told to, then everything; how it closed. */
    private static final class StalledReader implements WebSocket.Listener {
        final List<String> frames = new CopyOnWriteArrayList<>();
        final CompletableFuture<Integer> closed = new CompletableFuture<>();
        private final StringBuilder partial = new StringBuilder();

        @Override
        public void onOpen(WebSocket socket) {
            // no demand: the server's frames pile up
        }

        @Override
        public CompletionStage<?> onText(WebSocket socket, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                frames.add(partial.toString());
                partial.setLength(0);
            }
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket socket, int statusCode, String reason) {
            closed.complete(statusCode);
            return null;
        }

        @Override
        public void onError(WebSocket socket, Throwable error) {
            closed.completeExceptionally(error);
        }
    }

    @Test
    void aFullReaderThatStopsReadingIsToldAndClosedWhileTheRoomGoesOn() throws Exception {
        String room = newRoom();
        StalledReader stalled = new StalledReader();
        WebSocket socket = HttpClient.newHttpClient().newWebSocketBuilder()
                .buildAsync(URI.create(baseUrl().replace("http://", "ws://") + "/ws/rooms/" + room + "?mode=full"),
                        stalled)
                .get();
        RoomClient reader = client(room);
        reader.joined();
        // Talk on until the stalled reader's backlog is past what the room lets it have.
        double tooSlowBefore = tooSlow();
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(200)).until(() -> {
            publish(room, 1000);
            return tooSlow() > tooSlowBefore;
        });
        socket.request(Long.MAX_VALUE);
        assertThat(stalled.closed.get(30, TimeUnit.SECONDS)).isEqualTo(4008);
        JsonNode last = json.readTree(stalled.frames.get(stalled.frames.size() - 1));
        assertThat(last.path("type").asString()).isEqualTo("too-slow");
        assertThat(last.path("reason").asString()).startsWith("Too slow for every message");

        // The room goes on for everyone else.
        List<String> after = publish(room, 1);
        await().atMost(WAIT).until(() -> reader.messages().stream()
                .anyMatch(message -> message.path("messageId").asString().equals(after.get(0))));
    }

    private double tooSlow() {
        Counter counter = meters.find("stagehand.websocket.too.slow").tag("kind", "room").counter();
        return counter == null ? 0 : counter.count();
    }
}
