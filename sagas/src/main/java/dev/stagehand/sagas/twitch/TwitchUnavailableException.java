package dev.stagehand.sagas.twitch;

import dev.stagehand.platform.UnavailableException;
import org.apache.commons.lang3.exception.ContextedRuntimeException;

/** Twitch could not be asked just now (down, slow, or rate-limiting us); asking again later may work. */
public class TwitchUnavailableException extends UnavailableException {

    public TwitchUnavailableException(Throwable cause) {
        super("Twitch could not be asked just now; please try again in a moment.", cause);
    }

    /** The HTTP status Helix refused with (as twitch4j reports it), or 0 when Twitch did not answer. */
    public int status() {
        for (Throwable cause = getCause(); cause != null; cause = cause.getCause()) {
            if (cause instanceof ContextedRuntimeException helixError
                    && helixError.getFirstContextValue("errorStatus") instanceof Integer status) {
                return status;
            }
        }
        return 0;
    }
}
