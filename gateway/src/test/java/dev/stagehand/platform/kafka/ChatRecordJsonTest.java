package dev.stagehand.platform.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stagehand.api.chat.ChatRecord;
import dev.stagehand.api.chat.ChatRecord.Badge;
import dev.stagehand.api.chat.ChatRecord.Chatter;
import dev.stagehand.api.chat.ChatRecord.EmoteOccurrence;
import dev.stagehand.api.chat.ChatRecord.EmoteProvider;
import dev.stagehand.api.chat.ChatRecord.Kind;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/** The chat record's JSON form is stable and reads back whole: it is the contract of stagehand.chat.messages. */
class ChatRecordJsonTest {

    private final JsonMapper json = JsonMapper.builder().build();

    @Test
    void aMessageWithEmotesFromSeveralProvidersReadsBackEqual() {
        ChatRecord message = new ChatRecord(ChatRecord.SCHEMA_VERSION, Kind.MESSAGE, "b34ccfc7-4977", "100000000",
                "pixelpanda", null,
                new Chatter("100000001", "viewer", "Viewer", "#FF69B4", List.of(new Badge("subscriber", "12"))),
                "😀 Kappa catJAM RainTime",
                List.of(new EmoteOccurrence(EmoteProvider.TWITCH, "25", "Kappa", 2, 6, false),
                        new EmoteOccurrence(EmoteProvider.SEVENTV, "01H0", "catJAM", 8, 13, false),
                        new EmoteOccurrence(EmoteProvider.SEVENTV, "01H1", "RainTime", 15, 22, true)),
                null, null, null, null, null, Instant.parse("2026-11-22T20:00:00.123Z"),
                Instant.parse("2026-11-22T20:00:00.140Z"));

        String written = json.writeValueAsString(message);

        assertThat(written).contains("\"kind\":\"MESSAGE\"", "\"schemaVersion\":1", "\"provider\":\"SEVENTV\"",
                "\"sentAt\":\"2026-11-22T20:00:00.123Z\"");
        assertThat(json.readValue(written, ChatRecord.class)).isEqualTo(message);
    }

    @Test
    void anEventWithoutUserOrEmotesReadsBackWithAnEmptyEmoteList() {
        ChatRecord cleared = new ChatRecord(ChatRecord.SCHEMA_VERSION, Kind.CHAT_CLEARED, "clear-1", "100000000",
                "pixelpanda", null, null, null, null, null, null, null, null, null,
                Instant.parse("2026-11-22T20:00:00Z"), Instant.parse("2026-11-22T20:00:00.010Z"));
        ChatRecord read = json.readValue(json.writeValueAsString(cleared), ChatRecord.class);
        assertThat(read).isEqualTo(cleared);
        assertThat(read.emotes()).isEmpty();
    }
}
