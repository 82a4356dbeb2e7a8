package dev.stagehand.query.highlight;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stagehand.api.chat.ChatRecord;
import dev.stagehand.api.chat.ChatRecord.Chatter;
import dev.stagehand.api.chat.ChatRecord.Kind;
import dev.stagehand.api.highlight.ChatSpike;
import dev.stagehand.api.highlight.DetectorWarmUp;
import dev.stagehand.api.highlight.SpikeRule;
import dev.stagehand.api.kafka.Topics;
import dev.stagehand.query.chat.ChatStream;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

class SpikeTopologyTest {

    private static final Instant START = Instant.parse("2026-12-03T18:00:00Z");
    private static final SpikeRule RULE = new SpikeRule(5, 20, 3.0, 10, 30, 30, 0);
    private final JsonMapper json = JsonMapper.builder().build();
    /** Channel 300 asks for a lift of 100 messages (a burst of 60 more is not enough), 400 for a minute's cooldown. */
    private final SpikeRules rules = new SpikeRules(RULE, Map.of("300", new SpikeRule(5, 20, 3.0, 100, 30, 30, 0),
            "400", new SpikeRule(5, 20, 3.0, 10, 60, 30, 0)));
    private final String stateDirectory = "target/kafka-streams-test/" + UUID.randomUUID();
    private TopologyTestDriver driver;
    private TestInputTopic<String, String> chat;
    private TestOutputTopic<String, String> spikes;

    @BeforeEach
    void start() {
        StreamsBuilder builder = new StreamsBuilder();
        SpikeTopology.addTo(builder, ChatStream.source(builder), () -> rules, json);
        Properties properties = new Properties();
        properties.put(StreamsConfig.APPLICATION_ID_CONFIG, "spike-test");
        properties.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        properties.put(StreamsConfig.STATE_DIR_CONFIG, stateDirectory);
        driver = new TopologyTestDriver(builder.build(), properties, START);
        chat = driver.createInputTopic(Topics.CHAT_MESSAGES.name(), new StringSerializer(), new StringSerializer());
        spikes = driver.createOutputTopic(Topics.CHAT_SPIKES.name(), new StringDeserializer(),
                new StringDeserializer());
    }

    @AfterEach
    void stop() {
        driver.close();
    }

    @Test
    void aScriptedBurstIsOneSpikeWithTheStatisticsThatTriggeredIt() {
        chat(0, 40, 2, "steady", "100");
        chat(40, 3, 20, "KEKW", "100");
        chat(43, 20, 2, "steady again", "100");
        chat(40, 3, 2, "another channel stays calm", "200");

        List<ChatSpike> found = spikes.readValuesToList().stream()
                .map(value -> json.readValue(value, ChatSpike.class)).toList();
        assertThat(found).hasSize(1);
        assertThat(found.get(0).channelId()).isEqualTo("100");
        assertThat(found.get(0).baselineMean()).isEqualTo(10.0);
        assertThat(found.get(0).messages()).isGreaterThan(20);
        assertThat(found.get(0).windowStart()).isAfterOrEqualTo(START.plusSeconds(36));
    }

    /** Channel 400 cools down for a minute: its second burst comes when the first has left the baseline. */
    @Test
    void aBurstWithinTheCooldownIsNoSpikeButOneAfterItIs() {
        chat(0, 40, 2, "steady", "400");
        chat(40, 3, 20, "first burst", "400");
        chat(43, 37, 2, "steady", "400");
        chat(80, 3, 20, "within the cooldown", "400");
        chat(83, 47, 2, "steady", "400");
        chat(130, 3, 20, "after it", "400");
        chat(133, 3, 2, "steady", "400");

        assertThat(spikes.readValuesToList()).extracting(value -> json.readValue(value, ChatSpike.class).windowEnd())
                .satisfiesExactly(first -> assertThat(first).isBetween(START.plusSeconds(40), START.plusSeconds(45)),
                        second -> assertThat(second).isBetween(START.plusSeconds(130), START.plusSeconds(135)));
    }

    @Test
    void eachChannelIsWatchedWithItsOwnRule() {
        chat(0, 40, 2, "steady", "100");
        chat(0, 40, 2, "steady", "300");
        chat(40, 3, 20, "KEKW", "100");
        chat(40, 3, 20, "KEKW", "300");
        chat(43, 3, 2, "steady again", "100");
        chat(43, 3, 2, "steady again", "300");

        assertThat(spikes.readValuesToList()).singleElement().satisfies(spike -> assertThat(json.readValue(spike,
                ChatSpike.class).channelId()).isEqualTo("100"));
    }

    @Test
    void raidsAndGiftWavesSilenceTheRuleForAWhileButCommandsNeverCount() {
        chat(0, 40, 2, "steady", "100");
        chat.pipeInput("100", record(Kind.RAID, "100", START.plusSeconds(40), null), START.plusSeconds(40));
        chat(40, 3, 20, "raid hype", "100");
        chat(43, 40, 2, "steady", "100");
        chat(83, 3, 20, "!commands", "100");
        chat(86, 3, 2, "steady", "100");

        assertThat(spikes.isEmpty()).isTrue();
    }

    /** The clock ends the seconds of a channel that fell silent: a burst that is its last chat is still a spike. */
    @Test
    void aBurstThatIsAChannelsLastChatIsDetectedOnTheClockWithinTwoSeconds() {
        chat(0, 40, 2, "steady", "100");
        chat(40, 1, 40, "and then nothing", "100");
        assertThat(spikes.isEmpty()).isTrue();

        driver.advanceWallClockTime(Duration.ofSeconds(41));
        assertThat(spikes.isEmpty()).isTrue();
        driver.advanceWallClockTime(Duration.ofMillis(500));
        assertThat(json.readValue(spikes.readValue(), ChatSpike.class).windowEnd()).isEqualTo(START.plusSeconds(41));
    }

    /** A task behind the chat (records older than the clock) lets only records end seconds: a backlog is no silence. */
    @Test
    void aTaskBehindTheChatDoesNotEndSecondsOnTheClock() {
        driver.advanceWallClockTime(Duration.ofSeconds(100));
        chat(0, 40, 2, "steady", "100");
        chat(40, 1, 40, "read late", "100");

        driver.advanceWallClockTime(Duration.ofSeconds(5));
        assertThat(spikes.isEmpty()).isTrue();
        chat(41, 1, 1, "the next record ends the second", "100");
        assertThat(spikes.readValuesToList()).hasSize(1);
    }

    /** A short pause keeps a channel's watch going; a silence longer than the baseline starts it afresh. */
    @Test
    void eachChannelsWarmUpIsSentWhenItsWatchBegins() {
        TestOutputTopic<String, String> warmUps = driver.createOutputTopic(Topics.SPIKE_WARM_UPS.name(),
                new StringDeserializer(), new StringDeserializer());
        chat(0, 40, 2, "steady", "100");
        chat(50, 5, 2, "after ten quiet seconds", "100");
        chat(120, 5, 2, "after a silence of a minute", "100");
        chat(30, 5, 1, "another channel", "200");

        // window 5 s + baseline 20 s + window 5 s − 1: the first second a spike can end is the 29th of the watch
        assertThat(warmUps.readValuesToList()).extracting(value -> json.readValue(value, DetectorWarmUp.class))
                .containsExactly(new DetectorWarmUp("100", START, START.plusSeconds(29)),
                        new DetectorWarmUp("100", START.plusSeconds(120), START.plusSeconds(149)),
                        new DetectorWarmUp("200", START.plusSeconds(30), START.plusSeconds(59)));
    }

    private void chat(int fromSecond, int seconds, int perSecond, String text, String channelId) {
        for (int second = fromSecond; second < fromSecond + seconds; second++) {
            for (int m = 0; m < perSecond; m++) {
                Instant at = START.plusSeconds(second).plusMillis(m);
                chat.pipeInput(channelId, record(Kind.MESSAGE, channelId, at, text), at);
            }
        }
    }

    private String record(Kind kind, String channelId, Instant at, String text) {
        return json.writeValueAsString(new ChatRecord(ChatRecord.SCHEMA_VERSION, kind, UUID.randomUUID().toString(),
                channelId, "chan", null, new Chatter("1", "sam", "Sam", null, List.of()), text, List.of(), null, null,
                null, null, kind == Kind.RAID ? 300 : null, at, at));
    }
}
