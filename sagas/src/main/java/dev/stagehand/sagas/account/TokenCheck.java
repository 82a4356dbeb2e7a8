package dev.stagehand.sagas.account;

/** What checking a stored Twitch token with Twitch found. */
public record TokenCheck(Outcome outcome, String reason) {

    public enum Outcome {
        /** Twitch accepts the token and it lives past the next check. */
        VALID,
        /** The token was about to expire or had expired; a fresh one is stored under the same id. */
        REFRESHED,
        /** Twitch refuses both the token and its refresh token: the streamer must log in again. */
        LOST,
        /** Twitch could not be asked (network, 5xx, 429); nothing is known. */
        UNKNOWN
    }

    public static TokenCheck of(Outcome outcome) {
        return new TokenCheck(outcome, null);
    }
}
