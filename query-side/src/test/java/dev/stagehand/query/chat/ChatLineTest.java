package dev.stagehand.query.chat;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stagehand.api.chat.ChatRecord;
import dev.stagehand.api.chat.ChatRecord.Chatter;
import dev.stagehand.api.chat.ChatRecord.EmoteOccurrence;
import dev.stagehand.api.chat.ChatRecord.EmoteProvider;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

class ChatLineTest {

    private final JsonMapper json = JsonMapper.builder().build();

    @Test
    void readsTheColumnsOfAChatRecordAndKeepsItsJson() {
        Instant sent = Instant.parse("2026-12-03T08:00:00.123Z");
        String record = json.writeValueAsString(new ChatRecord(ChatRecord.SCHEMA_VERSION, ChatRecord.Kind.MESSAGE,
                "m-1", "100", "pixelpanda", null,
                new Chatter("7", "Speedy_Sam", "Speedy_Sam", "#FF0000", List.of(new ChatRecord.Badge("vip", "1"))),
                "hi Kappa", List.of(new EmoteOccurrence(EmoteProvider.TWITCH, "25", "Kappa", 3, 7, false)),
                null, null, null, null, null, sent, sent.plusMillis(40)));

        ChatLine line = ChatLine.read(json, record);

        assertThat(line).isEqualTo(new ChatLine("100", "m-1", ChatRecord.Kind.MESSAGE, "7", "speedy_sam", "hi Kappa",
                List.of(new ChatLine.Emote(EmoteProvider.TWITCH, "25", "Kappa")), sent, sent.plusMillis(40), record));
    }

    @Test
    void aRecordWithoutAChatterOrTimesIsStillALine() {
        ChatLine line = ChatLine.read(json, "{\"kind\":\"CHAT_CLEARED\",\"id\":\"c-1\",\"channelId\":\"100\","
                + "\"user\":null,\"future\":[1,{\"a\":2}]}");

        assertThat(line.kind()).isEqualTo(ChatRecord.Kind.CHAT_CLEARED);
        assertThat(line.userLogin()).isNull();
        assertThat(line.sentAt()).isNull();
    }

    @Test
    void whatIsNotAChatRecordIsNoLine() {
        for (String unreadable : List.of("{not json", "[]", "42", "{\"id\":\"x\",\"channelId\":\"1\"}",
                "{\"id\":\"x\",\"channelId\":\"1\",\"kind\":\"DANCE\"}",
                "{\"id\":\"x\",\"channelId\":\"1\",\"kind\":\"MESSAGE\",\"emotes\":[{\"provider\":\"MSN\"}]}",
                "{\"id\":\"x\",\"channelId\":\"1\",\"kind\":\"MESSAGE\",\"sentAt\":\"yesterday\"}")) {
            assertThat(ChatLine.read(json, unreadable)).as(unreadable).isNull();
        }
    }
}
