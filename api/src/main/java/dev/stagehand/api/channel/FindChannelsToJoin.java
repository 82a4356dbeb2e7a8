package dev.stagehand.api.channel;

/** Answered with a {@code List<ChannelView>}: every channel somebody subscribes, whose chat Stagehand must be in. */
public record FindChannelsToJoin() {
}
