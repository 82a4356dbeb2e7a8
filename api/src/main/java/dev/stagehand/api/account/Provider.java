package dev.stagehand.api.account;

/** The services a person logs in to Stagehand with. */
public enum Provider {
    TWITCH,
    DISCORD
}
