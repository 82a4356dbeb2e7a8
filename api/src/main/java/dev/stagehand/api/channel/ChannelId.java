package dev.stagehand.api.channel;

import java.util.Objects;

/** A Twitch channel, by its broadcaster's user id (logins can change; ids do not). */
public record ChannelId(String value) {

    public ChannelId {
        Objects.requireNonNull(value, "value");
        if (!value.matches("[0-9]{1,20}")) {
            throw new IllegalArgumentException("A Twitch channel id is numeric: " + value);
        }
    }

    @Override
    public String toString() {
        return value;
    }
}
