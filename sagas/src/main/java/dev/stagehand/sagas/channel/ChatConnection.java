package dev.stagehand.sagas.channel;

import dev.stagehand.api.channel.ChannelId;

/**
 * Stagehand's presence in Twitch chats. Joins are confirmed (or refused) later, by {@code RecordChannelJoined} and
 * {@code RecordChannelJoinFailed} commands; everything said in a joined chat goes to Kafka.
 */
public interface ChatConnection {

    void join(ChannelId channel, String login);

    void leave(ChannelId channel, String login);
}
