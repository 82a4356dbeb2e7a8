package dev.stagehand.gateway.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import dev.stagehand.api.chat.ChatRecord;
import dev.stagehand.api.chat.ChatRecord.Chatter;
import dev.stagehand.api.chat.ChatRecord.Kind;
import dev.stagehand.api.kafka.Topics;
import dev.stagehand.gateway.IntegrationTest;
import dev.stagehand.platform.kafka.TopicReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.json.JsonMapper;

/** Chat of a subscribed channel is stored once, searched by words, chatter and time, paged and exported. */
class ChatHistoryTest extends IntegrationTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @Autowired
    private KafkaTemplate<String, String> kafka;
    @Autowired
    private ConsumerFactory<String, String> consumers;
    @Autowired
    private JsonMapper json;
    @Autowired
    private JdbcClient jdbc;
    @Autowired
    private Scheduler scheduler;
    @Autowired
    private RecurringTask<Void> chatHistoryMaintenanceTask;

    @Test
    void aChannelsChatIsFoundByWordByChatterAndPageByPageAndExported() {
        String channelId = sim.world().user("history_one").id();
        WebTestClient streamer = subscribed("history_one", "history_owner");
        say("history_one", "speedy_sam", "those speedrun strats are wild Kappa");
        say("history_one", "chess_cat", "=HYPERLINK(\"evil\") hello there");
        for (int i = 1; i <= 5; i++) {
            say("history_one", "speedy_sam", "message number " + i);
        }
        await().atMost(WAIT).until(() -> search(streamer, channelId, "limit=500").messages().size() == 7);

        List<ChatRecord> strats = search(streamer, channelId, "q=strats").messages();
        assertThat(strats).extracting(ChatRecord::text).containsExactly("those speedrun strats are wild Kappa");
        assertThat(strats.get(0).emotes()).extracting(ChatRecord.EmoteOccurrence::code).containsExactly("Kappa");
        assertThat(search(streamer, channelId, "q=SPEEDRUN wild").messages()).hasSize(1);
        assertThat(search(streamer, channelId, "user=Chess_Cat").messages()).extracting(ChatRecord::text)
                .containsExactly("=HYPERLINK(\"evil\") hello there");

        List<String> paged = new ArrayList<>();
        Page page = search(streamer, channelId, "user=speedy_sam&limit=2");
        paged.addAll(page.texts());
        while (page.next() != null) {
            page = search(streamer, channelId, "user=speedy_sam&limit=2&cursor=" + page.next());
            paged.addAll(page.texts());
        }
        assertThat(paged).containsExactly("message number 5", "message number 4", "message number 3",
                "message number 2", "message number 1", "those speedrun strats are wild Kappa");

        Instant third = search(streamer, channelId, "q=number 3").messages().get(0).sentAt();
        assertThat(search(streamer, channelId, "user=speedy_sam&from=" + third).texts())
                .containsExactly("message number 5", "message number 4", "message number 3");
        assertThat(search(streamer, channelId, "user=speedy_sam&to=" + third).texts())
                .containsExactly("message number 2", "message number 1", "those speedrun strats are wild Kappa");

        String ndjson = streamer.get().uri("/api/channels/{id}/messages/export?user=speedy_sam", channelId).exchange()
                .expectStatus().isOk()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_NDJSON)
                .expectHeader().valueEquals("Content-Disposition", "attachment; filename=\"chat-history_one.ndjson\"")
                .expectBody(String.class).returnResult().getResponseBody();
        assertThat(ndjson.lines().map(line -> json.readValue(line, ChatRecord.class).text()))
                .hasSize(6).startsWith("message number 5");
        String csv = streamer.get().uri("/api/channels/{id}/messages/export?format=csv&user=chess_cat", channelId)
                .exchange().expectStatus().isOk()
                .expectHeader().contentTypeCompatibleWith(new MediaType("text", "csv"))
                .expectBody(String.class).returnResult().getResponseBody();
        assertThat(csv.split("\r\n")).hasSize(2);
        assertThat(csv).startsWith("sent_at,kind,message_id,user_id,user_login,display_name,text\r\n")
                .contains(",\"MESSAGE\",").endsWith(",\"'=HYPERLINK(\"\"evil\"\") hello there\"\r\n");
    }

    @Test
    void aRecordDeliveredTwiceIsStoredOnceExpiredOnesAreSkippedAndUnreadableOnesSetAside() {
        String channelId = sim.world().user("history_two").id();
        WebTestClient streamer = subscribed("history_two", "history_owner_two");
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        ChatRecord twice = record(channelId, "twice-1", "delivered twice", now);
        ChatRecord expired = record(channelId, "old-1", "from long ago", now.minus(Duration.ofDays(31)));
        kafka.send(Topics.CHAT_MESSAGES.name(), channelId, json.writeValueAsString(new ChatRecord(
                ChatRecord.SCHEMA_VERSION, Kind.CHAT_CLEARED, "clear-1", channelId, "history_two", null, null, null,
                List.of(), null, null, null, null, null, now.minusMillis(1), now.minusMillis(1))));
        kafka.send(Topics.CHAT_MESSAGES.name(), channelId, json.writeValueAsString(twice));
        kafka.send(Topics.CHAT_MESSAGES.name(), channelId, "{not json");
        kafka.send(Topics.CHAT_MESSAGES.name(), channelId, json.writeValueAsString(new ChatRecord(
                ChatRecord.SCHEMA_VERSION, Kind.MESSAGE, "long-1", channelId, "history_two", null,
                new Chatter("43", "x".repeat(300), "X", null, List.of()), "no Twitch login is this long", List.of(),
                null, null, null, null, null, now, now)));
        kafka.send(Topics.CHAT_MESSAGES.name(), channelId, json.writeValueAsString(expired));
        kafka.send(Topics.CHAT_MESSAGES.name(), channelId, json.writeValueAsString(twice));
        String escaped = "the last one ¯\\_(ツ)_/¯ \t with\nwhat COPY escapes\r";
        kafka.send(Topics.CHAT_MESSAGES.name(), channelId, json.writeValueAsString(
                record(channelId, "last-1", escaped, now.plusMillis(1))));

        await().atMost(WAIT).until(() -> !search(streamer, channelId, "q=last").messages().isEmpty());
        assertThat(search(streamer, channelId, "limit=500").messages()).extracting(ChatRecord::kind, ChatRecord::text)
                .containsExactly(tuple(Kind.MESSAGE, escaped), tuple(Kind.MESSAGE, "delivered twice"),
                        tuple(Kind.CHAT_CLEARED, null));
        assertThat(search(streamer, channelId, "q=escapes").texts()).hasSize(1);

        List<ConsumerRecord<String, String>> setAside = TopicReader.read(consumers, Topics.CHAT_DEAD_LETTERS.name(),
                letter -> channelId.equals(letter.key()), 2);
        assertThat(setAside).extracting(ConsumerRecord::value).first().isEqualTo("{not json");
        assertThat(setAside.get(1).value()).contains("no Twitch login is this long");
        assertThat(new String(setAside.get(0).headers().lastHeader("stagehand.dead-letter.topic").value(),
                StandardCharsets.UTF_8)).isEqualTo(Topics.CHAT_MESSAGES.name());
        assertThat(setAside.get(0).headers().lastHeader("stagehand.dead-letter.offset")).isNotNull();
    }

    @Test
    void aDayThatEndedGetsItsSearchIndexesAndDaysPastTheRetentionPeriodAreDroppedWhole() {
        String channelId = sim.world().user("history_four").id();
        WebTestClient streamer = subscribed("history_four", "history_owner_four");
        Instant yesterday = Instant.now().minus(Duration.ofDays(1)).truncatedTo(ChronoUnit.MILLIS);
        kafka.send(Topics.CHAT_MESSAGES.name(), channelId, json.writeValueAsString(
                record(channelId, "yesterday-1", "said yesterday before the indexes", yesterday)));
        await().atMost(WAIT).until(() -> !search(streamer, channelId, "q=yesterday").messages().isEmpty());
        String yesterdays = partition(LocalDate.ofInstant(yesterday, ZoneOffset.UTC));

        LocalDate old = LocalDate.now(ZoneOffset.UTC).minusDays(40);
        String expired = partition(old);
        jdbc.sql("CREATE TABLE " + expired + " PARTITION OF chat_message FOR VALUES FROM ('" + old
                 + " 00:00:00+00') TO ('" + old.plusDays(1) + " 00:00:00+00')").update();
        jdbc.sql("INSERT INTO chat_message (channel_id, sent_at, message_id, kind, record) VALUES ('1', :at, 'x',"
                 + " 'MESSAGE', '{}')").param("at", java.sql.Timestamp.from(old.atStartOfDay(ZoneOffset.UTC)
                .toInstant())).update();

        scheduler.reschedule(chatHistoryMaintenanceTask.instance(RecurringTask.INSTANCE), Instant.now());

        await().atMost(WAIT).until(() -> tables(expired) == 0);
        await().atMost(WAIT).until(() -> tables(yesterdays + "_user") == 1 && tables(yesterdays + "_words") == 1);
        assertThat(search(streamer, channelId, "q=indexes&user=replayer").texts())
                .containsExactly("said yesterday before the indexes");
    }

    private static String partition(LocalDate day) {
        return "chat_message_p" + day.toString().replace("-", "");
    }

    private long tables(String name) {
        return jdbc.sql("SELECT count(*) FROM pg_class WHERE relname = :name").param("name", name)
                   .query(Long.class).single();
    }

    @Test
    void aChatterWhoOptsOutIsErasedAndNoLongerKeptUntilTheyOptBackIn() {
        String channelId = sim.world().user("history_five").id();
        WebTestClient streamer = subscribed("history_five", "history_owner_five");
        WebTestClient chatter = as(twitchUser("shy_viewer"));
        say("history_five", "shy_viewer", "please forget me soon");
        await().atMost(WAIT).until(() -> search(streamer, channelId, "user=shy_viewer").messages().size() == 1);
        await().atMost(WAIT).until(() -> statsSeries(streamer, channelId).contains("shy_viewer"));

        chatter.post().uri("/api/me/chat-history/opt-out").exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.optedOut").isEqualTo(true).jsonPath("$.twitchLogin").isEqualTo("shy_viewer");
        assertThat(search(streamer, channelId, "user=shy_viewer").messages()).isEmpty();
        say("history_five", "shy_viewer", "not kept");
        say("history_five", "bold_viewer", "kept as usual");
        await().atMost(WAIT).until(() -> !search(streamer, channelId, "user=bold_viewer").messages().isEmpty());
        assertThat(search(streamer, channelId, "user=shy_viewer").messages()).isEmpty();
        await().atMost(WAIT).until(() -> statsSeries(streamer, channelId).contains("bold_viewer"));
        assertThat(statsSeries(streamer, channelId)).doesNotContain("shy_viewer");
        chatter.get().uri("/api/me/chat-history").exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.optedOut").isEqualTo(true);

        chatter.delete().uri("/api/me/chat-history/opt-out").exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.optedOut").isEqualTo(false);
        say("history_five", "shy_viewer", "kept again");
        await().atMost(WAIT).until(() -> search(streamer, channelId, "user=shy_viewer").texts()
                .equals(List.of("kept again")));

        as(discordUser("discord_only_viewer")).post().uri("/api/me/chat-history/opt-out").exchange()
                .expectStatus().isEqualTo(409)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
    }

    @Test
    void badSearchesAreRefusedAndOnlySubscribersSeeAChannel() {
        String channelId = sim.world().user("history_three").id();
        WebTestClient streamer = subscribed("history_three", "history_owner_three");
        for (String bad : List.of("limit=0", "limit=501", "limit=many", "from=yesterday", "to=2026-12-03",
                "from=2026-12-03T10:00:00Z&to=2026-12-03T09:00:00Z", "user=not%20a%20login", "cursor=bm9wZQ",
                "q=" + "a".repeat(201))) {
            streamer.get().uri("/api/channels/" + channelId + "/messages?" + bad).exchange()
                    .expectStatus().isBadRequest()
                    .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .expectBody().jsonPath("$.detail").isNotEmpty();
        }
        streamer.get().uri("/api/channels/{id}/messages/export?format=xml", channelId).exchange()
                .expectStatus().isBadRequest();
        as(twitchUser("history_stranger")).get().uri("/api/channels/{id}/messages", channelId).exchange()
                .expectStatus().isNotFound()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
        anonymous().get().uri("/api/channels/{id}/messages", channelId).exchange().expectStatus().isUnauthorized();
    }

    record Page(List<ChatRecord> messages, String next) {

        List<String> texts() {
            return messages.stream().map(ChatRecord::text).toList();
        }
    }

    private Page search(WebTestClient client, String channelId, String parameters) {
        return client.get().uri("/api/channels/" + channelId + "/messages?" + parameters).exchange()
                .expectStatus().isOk().expectBody(Page.class).returnResult().getResponseBody();
    }

    /** Says a line a few milliseconds after the last, so that Twitch's timestamps (milliseconds) order them. */
    private void say(String channel, String chatter, String text) {
        try {
            Thread.sleep(3);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
        sim.chat().say(channel, chatter, text);
    }

    /** The channel's analytics windows of the last hour, as JSON. */
    private String statsSeries(WebTestClient client, String channelId) {
        return client.get().uri("/api/channels/{id}/stats/series?window=10m", channelId).exchange()
                .expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody();
    }

    private WebTestClient subscribed(String channel, String owner) {
        WebTestClient streamer = as(twitchUser(owner));
        streamer.post().uri("/api/channels").bodyValue(Map.of("channel", channel)).exchange()
                .expectStatus().isCreated();
        await().atMost(WAIT).until(() -> sim.chat().viewersConnected(channel) == 1);
        return streamer;
    }

    private static ChatRecord record(String channelId, String id, String text, Instant sentAt) {
        return new ChatRecord(ChatRecord.SCHEMA_VERSION, Kind.MESSAGE, id, channelId, "history_two", null,
                new Chatter("42", "replayer", "Replayer", null, List.of()), text, List.of(), null, null, null, null,
                null, sentAt, sentAt);
    }
}
