package dev.stagehand.api.channel;

import org.axonframework.serialization.Revision;

@Revision("1")
public record ChannelLeft(ChannelId channelId) {
}
