package dev.stagehand.sagas.highlight;

/**
 * What Twitch answered to one request for a clip.
 *
 * @param status       Twitch's HTTP status; 0 when it did not answer
 * @param twitchClipId the clip being made, when accepted
 * @param reason       Twitch's message, in words for the broadcaster
 */
record ClipOutcome(int status, String twitchClipId, String editUrl, String reason) {

    boolean accepted() {
        return twitchClipId != null;
    }

    boolean unauthorized() {
        return status == 401;
    }

    /**
     * Worth asking again: a timeout, too many requests, Twitch's own failure, no answer at all, or an acceptance that
     * names no clip.
     */
    boolean transientFailure() {
        return status == 0 || status == 408 || status == 429 || status >= 500 || status == 202 && !accepted();
    }
}
