package dev.stagehand.api.history;

import org.axonframework.serialization.Revision;

/**
 * A chatter's chat is to be erased from history and analytics and no longer kept. Their Twitch id and login stay in
 * this event on purpose: it is what keeps their chat out, so it must outlive everything else about them.
 */
@Revision("1")
public record ChatterOptedOut(String twitchUserId, String login) {
}
