package dev.stagehand.sagas.emote;

import dev.stagehand.api.chat.ChatRecord.EmoteOccurrence;
import java.util.List;

/** Finds the emotes in a chat message, given the Twitch emotes Twitch already placed. */
@FunctionalInterface
public interface EmoteMatcher {

    List<EmoteOccurrence> occurrences(String channelId, String text, List<EmoteOccurrence> twitch);
}
