package dev.stagehand.platform.problem;

/** A service outside Stagehand refused what it was asked; answered as 502 Bad Gateway with this message. */
public class BadGatewayException extends RuntimeException {

    public BadGatewayException(String message) {
        super(message);
    }
}
