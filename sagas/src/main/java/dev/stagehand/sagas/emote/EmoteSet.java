package dev.stagehand.sagas.emote;

import dev.stagehand.api.chat.ChatRecord.EmoteProvider;
import java.time.Instant;
import java.util.List;

/** One provider's emotes for a channel, as fetched at {@code fetchedAt}. */
public record EmoteSet(EmoteProvider provider, List<Emote> emotes, Instant fetchedAt) {
}
