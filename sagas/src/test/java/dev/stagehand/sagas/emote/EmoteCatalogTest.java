package dev.stagehand.sagas.emote;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stagehand.api.chat.ChatRecord.EmoteOccurrence;
import dev.stagehand.api.chat.ChatRecord.EmoteProvider;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Matching third-party emotes in a message, as the catalog does for every chat line. */
class EmoteCatalogTest {

    private static final Emote CAT_JAM = new Emote(EmoteProvider.SEVENTV, "7c", "catJAM", false, true, "u");
    private static final Emote RAIN = new Emote(EmoteProvider.SEVENTV, "7r", "RainTime", true, true, "u");
    private static final Emote KEKW_CHANNEL = new Emote(EmoteProvider.BTTV, "bk", "KEKW", false, false, "u");
    private static final Emote KEKW_GLOBAL = new Emote(EmoteProvider.FFZ, "fk", "KEKW", false, false, "u");
    private static final EmoteOccurrence KAPPA = new EmoteOccurrence(EmoteProvider.TWITCH, "25", "Kappa", 2, 6, false);

    @Test
    void findsWholeWordsAfterEmojiByCodePointAndKeepsTwitchEmotes() {
        List<EmoteOccurrence> found = EmoteCatalog.match(Map.of("catJAM", CAT_JAM, "RainTime", RAIN),
                Map.of(), "😀 Kappa catJAM RainTime catJAMs", List.of(KAPPA));
        assertThat(found).containsExactly(KAPPA,
                new EmoteOccurrence(EmoteProvider.SEVENTV, "7c", "catJAM", 8, 13, false),
                new EmoteOccurrence(EmoteProvider.SEVENTV, "7r", "RainTime", 15, 22, true));
    }

    @Test
    void theChannelsEmoteWinsOverAGlobalOneOfTheSameCode() {
        List<EmoteOccurrence> found = EmoteCatalog.match(Map.of("KEKW", KEKW_CHANNEL), Map.of("KEKW", KEKW_GLOBAL),
                "KEKW", List.of());
        assertThat(found).extracting(EmoteOccurrence::provider).containsExactly(EmoteProvider.BTTV);
    }

    @Test
    void aWordTwitchAlreadyPlacedIsNotMatchedAgainAndDoubleSpacesKeepPositions() {
        EmoteOccurrence twitchKekw = new EmoteOccurrence(EmoteProvider.TWITCH, "9", "KEKW", 0, 3, false);
        assertThat(EmoteCatalog.match(Map.of(), Map.of("KEKW", KEKW_GLOBAL), "KEKW  KEKW", List.of(twitchKekw)))
                .containsExactly(twitchKekw, new EmoteOccurrence(EmoteProvider.FFZ, "fk", "KEKW", 6, 9, false));
    }
}
