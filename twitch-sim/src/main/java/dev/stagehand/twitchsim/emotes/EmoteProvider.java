package dev.stagehand.twitchsim.emotes;

/** The third-party emote services Stagehand supports, each simulated under its own path prefix. */
public enum EmoteProvider {
    BTTV("/bttv"), FFZ("/ffz"), SEVENTV("/7tv");

    private final String pathPrefix;

    EmoteProvider(String pathPrefix) {
        this.pathPrefix = pathPrefix;
    }

    public String pathPrefix() {
        return pathPrefix;
    }
}
