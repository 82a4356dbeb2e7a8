package dev.stagehand.sagas.highlight;

import dev.stagehand.api.common.SecretId;
import java.util.Optional;

/** The Twitch token a user left with Stagehand when they logged in with Twitch, if Stagehand may still use it. */
interface ClipperAuthorizations {

    Optional<SecretId> tokenOf(String twitchUserId);
}
