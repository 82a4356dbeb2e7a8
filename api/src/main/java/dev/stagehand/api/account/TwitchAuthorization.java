package dev.stagehand.api.account;

import dev.stagehand.api.common.SecretId;

/** A streamer who logged in with Twitch, by Twitch user id, and the stored token Stagehand acts for them with. */
public record TwitchAuthorization(String twitchUserId, SecretId token) {
}
