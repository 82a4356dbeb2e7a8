package dev.stagehand.sagas.channel;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.twitch4j.chat.events.channel.IRCMessageEvent;
import dev.stagehand.api.chat.ChatRecord;
import dev.stagehand.api.chat.ChatRecord.Badge;
import dev.stagehand.api.chat.ChatRecord.EmoteOccurrence;
import dev.stagehand.api.chat.ChatRecord.EmoteProvider;
import dev.stagehand.api.chat.ChatRecord.Kind;
import dev.stagehand.sagas.emote.EmoteMatcher;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Twitch IRC lines, as Twitch writes them, into chat records. */
class ChatRecordsTest {

    private static final Instant NOW = Instant.parse("2026-11-23T01:00:00.500Z");

    /** A channel with one BetterTTV emote, catJAM, found by word. */
    private static final EmoteMatcher CAT_JAM = (channel, text, twitch) -> {
        List<EmoteOccurrence> all = new java.util.ArrayList<>(twitch);
        int at = text.indexOf("catJAM");
        if (at >= 0) {
            int start = text.codePointCount(0, at);
            all.add(new EmoteOccurrence(EmoteProvider.BTTV, "b1", "catJAM", start, start + 5, false));
        }
        return all;
    };

    private static Optional<ChatRecord> parse(String raw) {
        return ChatRecords.from(new IRCMessageEvent(raw, Map.of(), Map.of(), Set.of()), NOW, CAT_JAM);
    }

    @Test
    void aMessageWithEmojiBeforeItsEmotesCountsCodePoints() {
        ChatRecord record = parse("@badge-info=subscriber/12;badges=subscriber/12,premium/1;color=#FF69B4;"
                + "display-name=Viewer;emotes=25:2-6,20-24/305954156:11-18;id=b34ccfc7-4977;mod=0;room-id=1000;"
                + "tmi-sent-ts=1795395600123;user-id=2000 :viewer!viewer@viewer.tmi.twitch.tv PRIVMSG #pixelpanda "
                + ":😀 Kappa hi PogChamp Kappa").orElseThrow();

        assertThat(record.kind()).isEqualTo(Kind.MESSAGE);
        assertThat(record.id()).isEqualTo("b34ccfc7-4977");
        assertThat(record.channelId()).isEqualTo("1000");
        assertThat(record.channelLogin()).isEqualTo("pixelpanda");
        assertThat(record.text()).isEqualTo("😀 Kappa hi PogChamp Kappa");
        assertThat(record.user().id()).isEqualTo("2000");
        assertThat(record.user().login()).isEqualTo("viewer");
        assertThat(record.user().displayName()).isEqualTo("Viewer");
        assertThat(record.user().color()).isEqualTo("#FF69B4");
        assertThat(record.user().badges()).contains(new Badge("subscriber", "12"), new Badge("premium", "1"));
        assertThat(record.emotes()).containsExactly(
                new EmoteOccurrence(EmoteProvider.TWITCH, "25", "Kappa", 2, 6, false),
                new EmoteOccurrence(EmoteProvider.TWITCH, "305954156", "PogChamp", 11, 18, false),
                new EmoteOccurrence(EmoteProvider.TWITCH, "25", "Kappa", 20, 24, false));
        assertThat(record.sentAt()).isEqualTo(Instant.ofEpochMilli(1795395600123L));
        assertThat(record.receivedAt()).isEqualTo(NOW);
        assertThat(record.sourceChannelId()).isNull();
    }

    @Test
    void thirdPartyEmotesAreAddedToTwitchsInOrder() {
        ChatRecord record = parse("@emotes=25:9-13;id=m3;room-id=1000;tmi-sent-ts=1;user-id=2000 "
                + ":viewer!viewer@viewer.tmi.twitch.tv PRIVMSG #pixelpanda :🎉 catJAM Kappa").orElseThrow();
        assertThat(record.emotes()).extracting(EmoteOccurrence::code).containsExactlyInAnyOrder("catJAM", "Kappa");
    }

    @Test
    void anActionLosesItsWrapperAndASharedChatMessageNamesItsSource() {
        ChatRecord record = parse("@id=m2;room-id=1000;source-room-id=3000;tmi-sent-ts=1;user-id=2000;"
                + "display-name=Viewer :viewer!viewer@viewer.tmi.twitch.tv PRIVMSG #pixelpanda :\u0001ACTION waves\u0001")
                .orElseThrow();
        assertThat(record.text()).isEqualTo("waves");
        assertThat(record.sourceChannelId()).isEqualTo("3000");
    }

    @Test
    void emoteRangesOutsideTheTextAreDropped() {
        assertThat(ChatRecords.emotes("25:0-4,10-99/x:a-b/:1-2", "Kappa")).containsExactly(
                new EmoteOccurrence(EmoteProvider.TWITCH, "25", "Kappa", 0, 4, false));
    }

    @Test
    void subsGiftsAndRaids() {
        ChatRecord resub = parse("@id=n1;login=fan;display-name=Fan;msg-id=resub;msg-param-cumulative-months=7;"
                + "room-id=1000;tmi-sent-ts=1;user-id=2001 :tmi.twitch.tv USERNOTICE #pixelpanda :seven months!")
                .orElseThrow();
        assertThat(resub.kind()).isEqualTo(Kind.SUBSCRIPTION);
        assertThat(resub.months()).isEqualTo(7);
        assertThat(resub.text()).isEqualTo("seven months!");
        assertThat(resub.user().login()).isEqualTo("fan");

        ChatRecord gift = parse("@id=n2;login=gifter;msg-id=subgift;msg-param-recipient-id=2003;"
                + "msg-param-recipient-user-name=lucky;msg-param-recipient-display-name=Lucky;room-id=1000;"
                + "tmi-sent-ts=1;user-id=2002 :tmi.twitch.tv USERNOTICE #pixelpanda").orElseThrow();
        assertThat(gift.kind()).isEqualTo(Kind.GIFT_SUBSCRIPTION);
        assertThat(gift.target().login()).isEqualTo("lucky");

        ChatRecord raid = parse("@id=n3;login=friend;msg-id=raid;msg-param-viewerCount=120;room-id=1000;"
                + "tmi-sent-ts=1;user-id=2004 :tmi.twitch.tv USERNOTICE #pixelpanda").orElseThrow();
        assertThat(raid.kind()).isEqualTo(Kind.RAID);
        assertThat(raid.viewers()).isEqualTo(120);
    }

    @Test
    void bansTimeoutsClearsAndDeletions() {
        ChatRecord timeout = parse("@ban-duration=600;room-id=1000;target-user-id=2005;tmi-sent-ts=5 "
                + ":tmi.twitch.tv CLEARCHAT #pixelpanda :spammer").orElseThrow();
        assertThat(timeout.kind()).isEqualTo(Kind.USER_CLEARED);
        assertThat(timeout.target().login()).isEqualTo("spammer");
        assertThat(timeout.durationSeconds()).isEqualTo(600);
        assertThat(timeout.id()).isEqualTo(parse("@ban-duration=600;room-id=1000;target-user-id=2005;tmi-sent-ts=5 "
                + ":tmi.twitch.tv CLEARCHAT #pixelpanda :spammer").orElseThrow().id());

        assertThat(parse("@room-id=1000;tmi-sent-ts=6 :tmi.twitch.tv CLEARCHAT #pixelpanda").orElseThrow().kind())
                .isEqualTo(Kind.CHAT_CLEARED);

        ChatRecord deleted = parse("@login=spammer;room-id=1000;target-msg-id=abc;tmi-sent-ts=7 "
                + ":tmi.twitch.tv CLEARMSG #pixelpanda :buy followers").orElseThrow();
        assertThat(deleted.kind()).isEqualTo(Kind.MESSAGE_DELETED);
        assertThat(deleted.targetMessageId()).isEqualTo("abc");
        assertThat(deleted.target().login()).isEqualTo("spammer");
    }

    @Test
    void otherAndMalformedLinesGiveNothing() {
        assertThat(parse(":tmi.twitch.tv PING")).isEmpty();
        assertThat(parse("@room-id=1000 :tmi.twitch.tv ROOMSTATE #pixelpanda")).isEmpty();
        assertThat(parse("@room-id=1000;msg-id=announcement;id=x :tmi.twitch.tv USERNOTICE #pixelpanda")).isEmpty();
        assertThat(parse("@room-id=1000;tmi-sent-ts=1 :v!v@v PRIVMSG #pixelpanda :a message without an id")).isEmpty();
        assertThat(parse("garbage")).isEmpty();
    }
}
