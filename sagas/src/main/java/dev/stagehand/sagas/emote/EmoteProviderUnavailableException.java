package dev.stagehand.sagas.emote;

/** An emote provider could not be asked; whatever emotes were known from it stay in use. */
class EmoteProviderUnavailableException extends RuntimeException {

    EmoteProviderUnavailableException(String message) {
        super(message);
    }
}
