package dev.stagehand.twitchsim.chat;

/**
 * A line as Twitch sends it, built once for every recipient: with IRCv3 tags for clients that requested
 * {@code twitch.tv/tags}, without for the others.
 */
record ChatLine(String tagged, String plain, boolean membership) {

    static ChatLine of(String tags, String rest) {
        return new ChatLine(tags.isEmpty() ? rest : "@" + tags + " " + rest, rest, false);
    }

    /** JOIN/PART of other users: Twitch sends them only to clients that requested {@code twitch.tv/membership}. */
    static ChatLine membership(String line) {
        return new ChatLine(line, line, true);
    }
}
