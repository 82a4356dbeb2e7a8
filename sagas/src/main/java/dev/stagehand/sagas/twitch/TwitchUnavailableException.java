package dev.stagehand.sagas.twitch;

import dev.stagehand.platform.UnavailableException;

/** Twitch could not be asked just now (down, slow, or rate-limiting us); asking again later may work. */
public class TwitchUnavailableException extends UnavailableException {

    public TwitchUnavailableException(Throwable cause) {
        super("Twitch could not be asked just now; please try again in a moment.", cause);
    }
}
