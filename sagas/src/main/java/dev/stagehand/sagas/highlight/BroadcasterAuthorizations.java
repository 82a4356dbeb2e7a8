package dev.stagehand.sagas.highlight;

import dev.stagehand.api.common.SecretId;
import java.util.Optional;

/** The Twitch token a broadcaster left with Stagehand when they logged in, if Stagehand may still use it. */
interface BroadcasterAuthorizations {

    Optional<SecretId> tokenOf(String broadcasterId);
}
