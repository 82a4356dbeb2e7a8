package dev.stagehand.api.common;

/** The thing a command names does not exist for whoever sent it; the gateway answers 404 with this message. */
public class NotFound extends RuntimeException {

    public NotFound(String message) {
        super(message);
    }
}
