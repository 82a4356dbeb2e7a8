package dev.stagehand.sagas.chatroom;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stagehand.api.chatroom.RoomStyle;
import dev.stagehand.api.chatroom.StyleRules;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RuleStylistTest {

    private static final RoomStyle PIRATE = new RoomStyle("Pirate", "Talk like a pirate.", new StyleRules(
            Map.of("you", "ye", "my", "me", "hello", "ahoy", "is", "be"), List.of("Arr!", "Yo ho!"),
            List.of("matey.", "savvy?"), List.of("🏴‍☠️", "🦜")));

    @Test
    void wordsAreReplacedWholeKeepingTheirCapital() {
        String styled = RuleStylist.restyle(PIRATE, "Hello you, this is my island");

        assertThat(styled).contains("Ahoy ye, this be me island").doesNotContain("Hello", " you", " is ");
        assertThat(styled).satisfiesAnyOf(s -> assertThat(s).startsWith("Arr! Ahoy ye"),
                s -> assertThat(s).startsWith("Yo ho! Ahoy ye"));
        assertThat(styled).satisfiesAnyOf(s -> assertThat(s).contains("island matey."),
                s -> assertThat(s).contains("island savvy?"));
    }

    @Test
    void theSameMessageInTheSameStyleAlwaysComesOutTheSame() {
        assertThat(RuleStylist.restyle(PIRATE, "hi there")).isEqualTo(RuleStylist.restyle(PIRATE, "hi there"));
    }

    @Test
    void differentMessagesGetDifferentFlourishes() {
        assertThat(List.of("hi", "hey", "yo", "gm", "gg", "lol", "pog", "hello all").stream()
                .map(text -> RuleStylist.restyle(PIRATE, text).startsWith("Arr!")).distinct()).hasSize(2);
    }

    @Test
    void wordsInsideOtherWordsAndPunctuationStayAsTheyAre() {
        assertThat(RuleStylist.restyle(PIRATE, "youth isn't mine!? 100%")).contains("youth isn't mine!? 100%");
    }

    @Test
    void aStyleWithoutFlourishesOnlyReplaces() {
        RoomStyle plain = new RoomStyle("Plain", "Say it plainly.", new StyleRules(Map.of("u", "you"), List.of(),
                List.of(), List.of()));

        assertThat(RuleStylist.restyle(plain, "thank u")).isEqualTo("thank you");
        assertThat(RuleStylist.restyle(plain, "")).isEmpty();
    }
}
