package dev.stagehand.sagas.channel;

import com.github.twitch4j.chat.TwitchChat;
import com.github.twitch4j.chat.TwitchChatBuilder;
import com.github.twitch4j.chat.events.channel.ChannelJoinFailureEvent;
import com.github.twitch4j.chat.events.channel.IRCMessageEvent;
import dev.stagehand.api.channel.ChannelId;
import dev.stagehand.api.channel.ChannelView;
import dev.stagehand.api.channel.FindChannelsToJoin;
import dev.stagehand.api.channel.RecordChannelJoinFailed;
import dev.stagehand.api.channel.RecordChannelJoined;
import dev.stagehand.sagas.emote.EmoteCatalog;
import dev.stagehand.sagas.twitch.TwitchEndpoints;
import java.time.Clock;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * One twitch4j chat connection, reading anonymously: Twitch allows reading any channel's chat without an account.
 * twitch4j keeps to Twitch's join limit (20 joins per 10 s), retries unanswered joins, reconnects after a drop or a
 * {@code RECONNECT} and rejoins its channels. On start it joins every channel somebody subscribes, so a restart
 * forgets none. Every chat line becomes a record on Kafka; the chat thread never waits for Kafka or Axon.
 */
@Component
class Twitch4jChatConnection implements ChatConnection, SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(Twitch4jChatConnection.class);

    private final TwitchEndpoints twitch;
    private final CommandGateway commands;
    private final QueryGateway queries;
    private final ChatRecordProducer records;
    private final EmoteCatalog emotes;
    private final Clock clock = Clock.systemUTC();
    private final Map<String, ChannelId> channels = new ConcurrentHashMap<>();
    private volatile TwitchChat chat;

    Twitch4jChatConnection(TwitchEndpoints twitch, CommandGateway commands, QueryGateway queries,
                           ChatRecordProducer records, EmoteCatalog emotes) {
        this.twitch = twitch;
        this.commands = commands;
        this.queries = queries;
        this.records = records;
        this.emotes = emotes;
    }

    @Override
    public void join(ChannelId channel, String login) {
        String name = login.toLowerCase(Locale.ROOT);
        channels.put(name, channel);
        emotes.watch(channel.value());
        chat.joinChannel(name);
    }

    @Override
    public void leave(ChannelId channel, String login) {
        String name = login.toLowerCase(Locale.ROOT);
        channels.remove(name);
        emotes.unwatch(channel.value());
        chat.leaveChannel(name);
    }

    @Override
    public void start() {
        chat = TwitchChatBuilder.builder().withBaseUrl(twitch.chatUrl()).build();
        chat.getEventManager().onEvent(IRCMessageEvent.class, this::onLine);
        chat.getEventManager().onEvent(ChannelJoinFailureEvent.class, this::onJoinFailure);
        queries.query(new FindChannelsToJoin(), ResponseTypes.multipleInstancesOf(ChannelView.class))
               .thenAccept(toJoin -> {
                   toJoin.forEach(channel -> join(channel.channelId(), channel.login()));
                   log.info("Joining the chats of {} subscribed channels", toJoin.size());
               });
    }

    private void onLine(IRCMessageEvent line) {
        if ("ROOMSTATE".equals(line.getCommandType())) {
            // Twitch answers a join with the room's state: the join is confirmed.
            line.getChannelName().map(channels::get)
                .ifPresent(channel -> commands.send(new RecordChannelJoined(channel)));
            return;
        }
        ChatRecords.from(line, clock.instant(), emotes).ifPresent(records::send);
    }

    private void onJoinFailure(ChannelJoinFailureEvent failure) {
        ChannelId channel = channels.get(failure.getChannelName().toLowerCase(Locale.ROOT));
        if (channel == null) {
            return;
        }
        String reason = switch (failure.getReason()) {
            case USER_BANNED -> ChannelChatSaga.BANNED;
            case CHANNEL_SUSPENDED -> "Twitch has suspended this channel";
            case RETRIES_EXHAUSTED -> "Twitch did not confirm the join";
        };
        commands.send(new RecordChannelJoinFailed(channel, reason));
    }

    @Override
    public void stop() {
        TwitchChat closing = chat;
        chat = null;
        if (closing != null) {
            closing.close();
        }
    }

    @Override
    public boolean isRunning() {
        return chat != null;
    }
}
