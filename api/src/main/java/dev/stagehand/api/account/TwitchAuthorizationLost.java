package dev.stagehand.api.account;

import dev.stagehand.api.common.SecretId;
import org.axonframework.serialization.Revision;

/** Stagehand can no longer act on Twitch for this streamer until they log in with Twitch again. */
@Revision("1")
public record TwitchAuthorizationLost(AccountId accountId, SecretId token, String reason) {
}
