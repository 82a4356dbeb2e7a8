package dev.stagehand.platform;

/** A service outside Stagehand could not be asked just now (down, slow, or rate-limiting us); later may work. */
public abstract class UnavailableException extends RuntimeException {

    protected UnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
