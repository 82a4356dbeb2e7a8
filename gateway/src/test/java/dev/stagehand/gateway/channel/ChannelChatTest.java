package dev.stagehand.gateway.channel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;

import dev.stagehand.api.chat.ChatRecord;
import dev.stagehand.api.chat.ChatRecord.EmoteOccurrence;
import dev.stagehand.api.chat.ChatRecord.Kind;
import dev.stagehand.api.kafka.Topics;
import dev.stagehand.gateway.IntegrationTest;
import dev.stagehand.gateway.WebUser;
import dev.stagehand.platform.embedded.EmbeddedKafka;
import dev.stagehand.twitchsim.emotes.EmoteProvider;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.json.JsonMapper;

/** Subscribe a channel → Stagehand joins its chat on the simulated Twitch → every line lands on Kafka. */
class ChannelChatTest extends IntegrationTest {

    private static final Duration WAIT = Duration.ofSeconds(20);
    /** Helix failing one channel's lookups only: logins and lookups of tests running meanwhile go on. */
    private static final String DOWN = "/helix/users?login=while_helix_is_down";

    @Autowired
    private EmbeddedKafka kafka;

    private KafkaConsumer<String, String> consumer;
    private final List<ChatRecord> received = new CopyOnWriteArrayList<>();
    private final JsonMapper json = JsonMapper.builder().build();

    @BeforeEach
    void listen() {
        consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "channel-chat-test-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "latest"),
                new StringDeserializer(), new StringDeserializer());
        consumer.subscribe(List.of(Topics.CHAT_MESSAGES.name()));
        poll();
    }

    @AfterEach
    void close() {
        consumer.close();
    }

    @Test
    void aSubscribedChannelIsJoinedAndItsChatReachesKafkaWithEmotes() {
        String channelId = sim.world().user("ingest_one").id();
        WebTestClient streamer = as(twitchUser("ingest_subscriber"));

        streamer.post().uri("/api/channels").bodyValue(Map.of("channel", "Ingest_One")).exchange()
                .expectStatus().isCreated()
                .expectHeader().location("/api/channels/" + channelId)
                .expectBody()
                .jsonPath("$.id").isEqualTo(channelId)
                .jsonPath("$.login").isEqualTo("ingest_one");
        awaitConnection(streamer, channelId, "joined");
        await().atMost(WAIT).until(() -> sim.chat().viewersConnected("ingest_one") == 1);

        sim.chat().say("ingest_one", "viewer", "😀 Kappa hello <b>there</b>", "subscriber/3");
        sim.chat().subscribe("ingest_one", "fan", 7, "seven months!");
        sim.chat().ban("ingest_one", "spammer");

        ChatRecord message = awaitRecord(record -> record.kind() == Kind.MESSAGE
                && record.text().contains("hello <b>there</b>"));
        assertThat(message.channelId()).isEqualTo(channelId);
        assertThat(message.channelLogin()).isEqualTo("ingest_one");
        assertThat(message.user().login()).isEqualTo("viewer");
        assertThat(message.emotes()).containsExactly(new EmoteOccurrence(ChatRecord.EmoteProvider.TWITCH, "25", "Kappa", 2, 6,
                false));
        assertThat(message.sentAt()).isNotNull();
        assertThat(message.receivedAt()).isAfterOrEqualTo(message.sentAt().minusSeconds(1));
        assertThat(awaitRecord(record -> record.kind() == Kind.SUBSCRIPTION).months()).isEqualTo(7);
        assertThat(awaitRecord(record -> record.kind() == Kind.USER_CLEARED).target().login()).isEqualTo("spammer");
    }

    @Test
    void emotesOfAllFourProvidersArePlacedByCodePointAndAProviderDownStopsNothing() {
        String channelId = sim.world().user("emote_channel").id();
        sim.thirdPartyEmotes().addChannelEmote(EmoteProvider.SEVENTV, channelId, "catJAM", true, false);
        sim.thirdPartyEmotes().addChannelEmote(EmoteProvider.SEVENTV, channelId, "RainTime", true, true);
        sim.thirdPartyEmotes().addChannelEmote(EmoteProvider.BTTV, channelId, "KEKW", false, false);
        sim.thirdPartyEmotes().addChannelEmote(EmoteProvider.FFZ, channelId, "OMEGALUL", false, false);
        sim.faults().failNext("/ffz/v1/room/id/" + channelId, 503, 1);
        WebTestClient streamer = as(twitchUser("emote_fan"));
        streamer.post().uri("/api/channels").bodyValue(Map.of("channel", "emote_channel")).exchange()
                .expectStatus().isCreated();
        awaitConnection(streamer, channelId, "joined");

        sim.chat().say("emote_channel", "viewer", "first words while FrankerFaceZ is down OMEGALUL");
        assertThat(awaitRecord(record -> record.text() != null && record.text().startsWith("first words")).channelId())
                .isEqualTo(channelId);

        // The next refresh (every 2 s in tests, 10 min by default) brings FrankerFaceZ's set.
        AtomicInteger attempt = new AtomicInteger();
        ChatRecord message = await().atMost(WAIT).until(() -> {
            String text = "😀 Kappa catJAM RainTime KEKW OMEGALUL " + attempt.incrementAndGet();
            sim.chat().say("emote_channel", "viewer", text);
            return awaitRecord(record -> text.equals(record.text()));
        }, record -> record.emotes().size() == 5);
        assertThat(message.emotes()).extracting(EmoteOccurrence::provider, EmoteOccurrence::code,
                        EmoteOccurrence::start, EmoteOccurrence::end, EmoteOccurrence::zeroWidth)
                .containsExactly(
                        tuple(ChatRecord.EmoteProvider.TWITCH, "Kappa", 2, 6, false),
                        tuple(ChatRecord.EmoteProvider.SEVENTV, "catJAM", 8, 13, false),
                        tuple(ChatRecord.EmoteProvider.SEVENTV, "RainTime", 15, 22, true),
                        tuple(ChatRecord.EmoteProvider.BTTV, "KEKW", 24, 27, false),
                        tuple(ChatRecord.EmoteProvider.FFZ, "OMEGALUL", 29, 36, false));
    }

    @Test
    void aReconnectFromTwitchLosesNoLaterMessage() {
        String channelId = sim.world().user("ingest_two").id();
        WebTestClient streamer = as(twitchUser("reconnecting_subscriber"));
        streamer.post().uri("/api/channels").bodyValue(Map.of("channel", channelId)).exchange()
                .expectStatus().isCreated();
        awaitConnection(streamer, channelId, "joined");
        await().atMost(WAIT).until(() -> sim.chat().viewersConnected("ingest_two") == 1);

        sim.chat().reconnectAll();
        await().atMost(WAIT).until(() -> sim.chat().viewersConnected("ingest_two") == 1);
        sim.chat().say("ingest_two", "viewer", "after the reconnect");

        assertThat(awaitRecord(record -> "after the reconnect".equals(record.text())).channelId())
                .isEqualTo(channelId);
    }

    @Test
    void theLastSubscriberLeavingMakesStagehandLeave() {
        String channelId = sim.world().user("ingest_three").id();
        WebUser first = twitchUser("first_follower");
        WebUser second = discordUser("second_follower");
        as(first).post().uri("/api/channels").bodyValue(Map.of("channel", "ingest_three")).exchange()
                .expectStatus().isCreated();
        as(second).post().uri("/api/channels").bodyValue(Map.of("channel", "ingest_three")).exchange()
                .expectStatus().isCreated();
        awaitConnection(as(first), channelId, "joined");

        as(first).delete().uri("/api/channels/{id}", channelId).exchange().expectStatus().isNoContent();
        as(first).get().uri("/api/channels/{id}", channelId).exchange().expectStatus().isNotFound();
        awaitConnection(as(second), channelId, "joined");
        assertThat(sim.chat().viewersConnected("ingest_three")).isEqualTo(1);

        as(second).delete().uri("/api/channels/{id}", channelId).exchange().expectStatus().isNoContent();
        await().atMost(WAIT).until(() -> sim.chat().viewersConnected("ingest_three") == 0);
    }

    @Test
    void channelsAreSpreadOverConnectionsOfLimitedSize() {
        List<String> logins = List.of("spread_one", "spread_two", "spread_three");
        WebTestClient streamer = as(twitchUser("spreading_streamer"));
        for (String login : logins) {
            sim.world().user(login);
            streamer.post().uri("/api/channels").bodyValue(Map.of("channel", login)).exchange()
                    .expectStatus().isCreated();
        }
        await().atMost(WAIT).until(() -> logins.stream().allMatch(login -> sim.chat().viewersConnected(login) == 1));

        // At most 2 channels per connection in tests (100 by default): three channels need two connections.
        assertThat(sim.chat().connectionsIn(logins)).isGreaterThanOrEqualTo(2);
        operator().get().uri("/api/admin/chat").exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.capacity").isEqualTo(2)
                .jsonPath("$.channelsPerConnection[?(@ > 2)]").isEmpty()
                .jsonPath("$.linesWaiting").isNumber();
    }

    @Test
    void unknownAndMalformedChannelsAreRefused() {
        WebTestClient streamer = as(twitchUser("typo_streamer"));
        streamer.post().uri("/api/channels").bodyValue(Map.of("channel", "no_such_channel_at_all")).exchange()
                .expectStatus().isNotFound()
                .expectBody().jsonPath("$.detail").isEqualTo("Twitch has no channel 'no_such_channel_at_all'.");
        streamer.post().uri("/api/channels").bodyValue(Map.of("channel", "<script>")).exchange()
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.detail").isEqualTo("'<script>' is not a Twitch login or channel id");
        streamer.post().uri("/api/channels").bodyValue(Map.of()).exchange()
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.detail").isEqualTo("channel is required");
        streamer.delete().uri("/api/channels/{id}", "123").exchange().expectStatus().isNotFound();

        sim.world().user("while_helix_is_down");
        sim.faults().failNext(DOWN, 503, 10);
        try {
            streamer.post().uri("/api/channels").bodyValue(Map.of("channel", "while_helix_is_down")).exchange()
                    .expectStatus().isEqualTo(503)
                    .expectBody().jsonPath("$.detail")
                    .isEqualTo("Twitch could not be asked just now; please try again in a moment.");
        } finally {
            sim.faults().clear(DOWN);
        }
        streamer.post().uri("/api/channels").bodyValue(Map.of("channel", "while_helix_is_down")).exchange()
                .expectStatus().isCreated();
    }

    private void awaitConnection(WebTestClient client, String channelId, String connection) {
        await().atMost(WAIT).untilAsserted(() -> client.get().uri("/api/channels/{id}", channelId).exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.connection").isEqualTo(connection));
    }

    private ChatRecord awaitRecord(java.util.function.Predicate<ChatRecord> wanted) {
        return await().atMost(WAIT).until(() -> {
            poll();
            return received.stream().filter(wanted).findFirst();
        }, java.util.Optional::isPresent).orElseThrow();
    }

    private void poll() {
        consumer.poll(Duration.ofMillis(200))
                .forEach(record -> received.add(json.readValue(record.value(), ChatRecord.class)));
    }
}
