package dev.stagehand.sagas.discord;

import dev.stagehand.platform.UnavailableException;

/** Discord could not be asked just now (down, slow, or rate-limiting us); asking again later may work. */
public class DiscordUnavailableException extends UnavailableException {

    public DiscordUnavailableException(Throwable cause) {
        super("Discord could not be asked just now; please try again in a moment.", cause);
    }
}
