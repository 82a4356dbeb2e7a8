package dev.stagehand.query.analytics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.stagehand.api.analytics.ChatStats;
import dev.stagehand.api.analytics.ChatStats.TopChatter;
import dev.stagehand.api.analytics.ChatStats.TopEmote;
import dev.stagehand.api.chat.ChatRecord;
import dev.stagehand.api.chat.ChatRecord.Chatter;
import dev.stagehand.api.chat.ChatRecord.EmoteOccurrence;
import dev.stagehand.api.chat.ChatRecord.EmoteProvider;
import dev.stagehand.api.chat.ChatRecord.Kind;
import dev.stagehand.api.kafka.Topics;
import dev.stagehand.query.chat.ChatStream;
import dev.stagehand.query.chat.OptedOutChatters;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.state.KeyValueStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

class ChatStatsTopologyTest {

    private static final Instant MINUTE = Instant.parse("2026-12-03T18:00:00Z");
    private final JsonMapper json = JsonMapper.builder().build();
    private TopologyTestDriver driver;
    private TestInputTopic<String, String> chat;
    private TestOutputTopic<String, String> stats;
    private final List<ChatStats> received = new ArrayList<>();
    private OptedOutChatters optedOut = OptedOutChatters.NONE;

    @BeforeEach
    void start() {
        StreamsBuilder builder = new StreamsBuilder();
        ChatStatsTopology.addTo(builder, ChatStream.source(builder), json, () -> optedOut);
        Properties properties = new Properties();
        properties.put(StreamsConfig.APPLICATION_ID_CONFIG, "chat-stats-test");
        properties.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        properties.put(StreamsConfig.STATE_DIR_CONFIG, "target/kafka-streams-test/" + UUID.randomUUID());
        driver = new TopologyTestDriver(builder.build(), properties, MINUTE);
        chat = driver.createInputTopic(Topics.CHAT_MESSAGES.name(), new StringSerializer(), new StringSerializer());
        stats = driver.createOutputTopic(Topics.CHAT_STATS.name(), new StringDeserializer(), new StringDeserializer());
    }

    @AfterEach
    void stop() {
        driver.close();
    }

    @Test
    void aWindowCountsMessagesChattersAndEmotesAndIsPublishedWithinASecond() {
        say("100", "Sam", "KEKW KEKW", MINUTE.plusSeconds(1), kekw(0), kekw(5));
        say("100", "sam", "catJAM", MINUTE.plusSeconds(2), new EmoteOccurrence(EmoteProvider.SEVENTV, "60ae", "catJAM",
                0, 5, false));
        say("100", "cat", "hello KEKW", MINUTE.plusSeconds(3), kekw(6));
        say("200", "cat", "elsewhere", MINUTE.plusSeconds(3));
        assertThat(stats.isEmpty()).isTrue();

        driver.advanceWallClockTime(Duration.ofSeconds(1));

        ChatStats minute = published("100", 60);
        assertThat(minute.windowStart()).isEqualTo(MINUTE);
        assertThat(minute.windowEnd()).isEqualTo(MINUTE.plusSeconds(60));
        assertThat(minute.messageCount()).isEqualTo(3);
        assertThat(minute.uniqueChatters()).isEqualTo(2);
        assertThat(minute.topChatters()).containsExactly(new TopChatter("sam", 2), new TopChatter("cat", 1));
        assertThat(minute.topEmotes()).containsExactly(new TopEmote(EmoteProvider.TWITCH, "emotesv2_a", "KEKW", 3),
                new TopEmote(EmoteProvider.SEVENTV, "60ae", "catJAM", 1));
        assertThat(published("100", 600).messageCount()).isEqualTo(3);
        assertThat(published("200", 60).messageCount()).isEqualTo(1);
    }

    @Test
    void onlyChangedWindowsArePublishedAndAMinuteBoundarySplitsThem() {
        say("100", "sam", "last of the minute", MINUTE.plusMillis(59_999));
        driver.advanceWallClockTime(Duration.ofSeconds(1));
        stats.readValuesToList();
        say("100", "sam", "first of the next", MINUTE.plusSeconds(60));
        driver.advanceWallClockTime(Duration.ofSeconds(1));

        List<ChatStats> published = stats.readValuesToList().stream()
                .map(value -> json.readValue(value, ChatStats.class)).toList();
        assertThat(published).extracting(ChatStats::windowSeconds, ChatStats::windowStart, ChatStats::messageCount)
                .containsExactlyInAnyOrder(tuple(60, MINUTE.plusSeconds(60), 1L),
                        tuple(600, MINUTE, 2L));
        driver.advanceWallClockTime(Duration.ofSeconds(1));
        assertThat(stats.isEmpty()).isTrue();
    }

    @Test
    void subsRaidsModerationAndUnreadableRecordsAreNotMessages() {
        chat.pipeInput("100", "{not json", MINUTE);
        chat.pipeInput("100", json.writeValueAsString(new ChatRecord(ChatRecord.SCHEMA_VERSION, Kind.RAID, "r", "100",
                "chan", null, new Chatter("9", "raider", "Raider", null, List.of()), null, List.of(), null, null, null,
                null, 500, MINUTE, MINUTE)), MINUTE);
        say("100", "sam", "the only message", MINUTE.plusSeconds(1));
        driver.advanceWallClockTime(Duration.ofSeconds(1));

        assertThat(published("100", 60).messageCount()).isEqualTo(1);
    }

    @Test
    void aRecordLaterThanItsWindowIsKeptIsNotCountedAndPastWindowsAreForgotten() {
        say("100", "sam", "long ago", MINUTE);
        say("100", "sam", "two hours later", MINUTE.plus(Duration.ofHours(2)));
        driver.advanceWallClockTime(Duration.ofSeconds(10));
        stats.readValuesToList();

        say("100", "sam", "too late to count", MINUTE.plusSeconds(5));
        driver.advanceWallClockTime(Duration.ofSeconds(1));

        assertThat(stats.isEmpty()).isTrue();
        KeyValueStore<String, Long> counts = driver.getKeyValueStore(ChatStatsProcessor.STORE);
        try (var all = counts.all()) {
            assertThat(all).toIterable().extracting(entry -> entry.key)
                    .allMatch(key -> !key.contains(String.format("%013d", MINUTE.toEpochMilli())));
        }
    }

    @Test
    void aChatterWhoOptedOutIsNotCountedAndLeavesTheTopChattersWithinTenSeconds() {
        say("100", "shy", "counted before opting out", MINUTE.plusSeconds(1));
        say("100", "bold", "one", MINUTE.plusSeconds(2));
        optedOut = new OptedOutChatters(Set.of("1shy"), Set.of("shy"));
        driver.advanceWallClockTime(Duration.ofSeconds(10));
        say("100", "shy", "not counted", MINUTE.plusSeconds(3));
        say("100", "bold", "two", MINUTE.plusSeconds(4));
        driver.advanceWallClockTime(Duration.ofSeconds(1));

        ChatStats minute = published("100", 60);
        assertThat(minute.messageCount()).isEqualTo(3);
        assertThat(minute.topChatters()).containsExactly(new TopChatter("bold", 2));
    }

    private void say(String channelId, String login, String text, Instant at, EmoteOccurrence... emotes) {
        chat.pipeInput(channelId, json.writeValueAsString(new ChatRecord(ChatRecord.SCHEMA_VERSION, Kind.MESSAGE,
                UUID.randomUUID().toString(), channelId, "chan" + channelId, null,
                new Chatter("1" + login, login, login, null, List.of()), text, List.of(emotes), null, null, null, null,
                null, at, at)), at);
    }

    private static EmoteOccurrence kekw(int start) {
        return new EmoteOccurrence(EmoteProvider.TWITCH, "emotesv2_a", "KEKW", start, start + 3, false);
    }

    /** The last stats published for the channel's window of this length, of all published so far. */
    private ChatStats published(String channelId, int seconds) {
        stats.readValuesToList().forEach(value -> received.add(json.readValue(value, ChatStats.class)));
        return received.stream()
                .filter(found -> found.channelId().equals(channelId) && found.windowSeconds() == seconds)
                .reduce((first, second) -> second).orElseThrow();
    }
}
