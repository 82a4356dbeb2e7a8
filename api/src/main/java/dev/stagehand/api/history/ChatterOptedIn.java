package dev.stagehand.api.history;

import org.axonframework.serialization.Revision;

/** A chatter's chat is kept again from now on (what was erased stays erased). */
@Revision("1")
public record ChatterOptedIn(String twitchUserId) {
}
