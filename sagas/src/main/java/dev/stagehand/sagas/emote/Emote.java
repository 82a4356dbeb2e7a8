package dev.stagehand.sagas.emote;

import dev.stagehand.api.chat.ChatRecord.EmoteProvider;

/**
 * A third-party emote as its provider lists it.
 *
 * @param zeroWidth drawn over the emote before it (7TV's zero-width flag, FrankerFaceZ's modifiers)
 * @param imageUrl  the 1x image
 */
public record Emote(EmoteProvider provider, String id, String code, boolean zeroWidth, boolean animated,
                    String imageUrl) {
}
