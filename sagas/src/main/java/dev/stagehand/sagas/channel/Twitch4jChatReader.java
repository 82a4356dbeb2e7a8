package dev.stagehand.sagas.channel;

import com.github.twitch4j.chat.TwitchChat;
import com.github.twitch4j.chat.TwitchChatBuilder;
import com.github.twitch4j.chat.enums.TMIConnectionState;
import com.github.twitch4j.chat.events.channel.ChannelJoinFailureEvent;
import com.github.twitch4j.chat.events.channel.IRCMessageEvent;
import com.github.twitch4j.chat.util.TwitchChatLimitHelper;
import dev.stagehand.api.channel.ChannelId;
import dev.stagehand.api.channel.RecordChannelJoinFailed;
import dev.stagehand.api.channel.RecordChannelJoined;
import dev.stagehand.api.chat.ChatLoad;
import dev.stagehand.api.chat.ChatLoads;
import dev.stagehand.sagas.emote.EmoteCatalog;
import dev.stagehand.sagas.twitch.TwitchEndpoints;
import io.github.bucket4j.Bucket;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * This node's reading of Twitch chats, anonymously (Twitch lets anyone read): twitch4j connections of at most
 * {@code stagehand.chat.channels-per-connection} channels each, opened as channels are joined, all sharing one join
 * bucket so that the node keeps to Twitch's 20 joins per 10 s. twitch4j retries unanswered joins, reconnects after a
 * drop or a {@code RECONNECT} and rejoins. Which channels this node reads is decided by {@link ChatChannelClaims}.
 * Every chat line becomes a record on Kafka, built and sent by the connection's {@link ChatLineWorker}: twitch4j's
 * reading thread never waits for Kafka or Axon. The connections' states are metrics
 * ({@code stagehand.chat.connections{state}}) and a part of health ({@link ChatConnectionsHealthIndicator}).
 */
@Component
class Twitch4jChatReader implements ChatLoads, DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(Twitch4jChatReader.class);
    /** A quarter of a second of chat at 42,000 lines/s: enough to smooth bursts, little to keep in memory. */
    private static final int WAITING_LINES = 10_000;

    private final TwitchEndpoints twitch;
    private final CommandGateway commands;
    private final ChatRecordProducer records;
    private final EmoteCatalog emotes;
    private final int capacity;
    private final Clock clock = Clock.systemUTC();
    private final Map<String, ChannelId> channels = new ConcurrentHashMap<>();
    private final Map<String, TwitchChat> connectionOf = new ConcurrentHashMap<>();
    private final List<TwitchChat> connections = new CopyOnWriteArrayList<>();
    private final List<ChatLineWorker> workers = new CopyOnWriteArrayList<>();
    private final Bucket joins = TwitchChatLimitHelper.createBucket(TwitchChatLimitHelper.USER_JOIN_LIMIT);

    /** A chat connection: how many channels it reads, and whether it is connected. */
    record ConnectionState(int channels, TMIConnectionState state) {
    }

    Twitch4jChatReader(TwitchEndpoints twitch, CommandGateway commands, ChatRecordProducer records,
                       EmoteCatalog emotes, ChatProperties properties, MeterRegistry registry) {
        this.twitch = twitch;
        this.commands = commands;
        this.records = records;
        this.emotes = emotes;
        this.capacity = properties.channelsPerConnection();
        for (TMIConnectionState state : TMIConnectionState.values()) {
            Gauge.builder("stagehand.chat.connections", () -> connectionStates().stream()
                            .filter(connection -> connection.state() == state).count())
                    .tag("state", state.name().toLowerCase(Locale.ROOT))
                    .description("This node's Twitch chat connections, by state").register(registry);
        }
    }

    /** This node's chat connections as they are now. */
    List<ConnectionState> connectionStates() {
        return connections.stream().map(connection -> new ConnectionState(connection.getChannels().size(),
                connection.getConnectionState())).toList();
    }

    synchronized void join(ChannelId channel, String login) {
        String name = login.toLowerCase(Locale.ROOT);
        channels.put(name, channel);
        emotes.watch(channel.value());
        connectionOf.computeIfAbsent(name, key -> leastBusy()).joinChannel(name);
    }

    synchronized void leave(ChannelId channel, String login) {
        String name = login.toLowerCase(Locale.ROOT);
        channels.remove(name);
        emotes.unwatch(channel.value());
        TwitchChat connection = connectionOf.remove(name);
        if (connection != null) {
            connection.leaveChannel(name);
        }
    }

    @Override
    public ChatLoad load() {
        return new ChatLoad(connections.stream().map(connection -> connection.getChannels().size()).toList(),
                capacity, workers.stream().mapToInt(ChatLineWorker::waiting).sum());
    }

    private TwitchChat leastBusy() {
        return connections.stream()
                .filter(connection -> connection.getChannels().size() < capacity)
                .min(Comparator.comparingInt(connection -> connection.getChannels().size()))
                .orElseGet(this::open);
    }

    private TwitchChat open() {
        TwitchChat connection = TwitchChatBuilder.builder()
                .withBaseUrl(twitch.chatUrl())
                .withIrcJoinBucket(joins)
                .build();
        ChatLineWorker worker = new ChatLineWorker("chat-records-" + (connections.size() + 1), WAITING_LINES);
        connection.getEventManager().onEvent(IRCMessageEvent.class, line -> {
            Instant received = clock.instant();
            worker.submit(() -> onLine(line, received));
        });
        connection.getEventManager().onEvent(ChannelJoinFailureEvent.class, this::onJoinFailure);
        connections.add(connection);
        workers.add(worker);
        log.info("Opened chat connection {} (at most {} channels each)", connections.size(), capacity);
        return connection;
    }

    private void onLine(IRCMessageEvent line, Instant received) {
        if ("ROOMSTATE".equals(line.getCommandType())) {
            // Twitch answers a join with the room's state: the join is confirmed.
            line.getChannelName().map(channels::get)
                .ifPresent(channel -> commands.send(new RecordChannelJoined(channel)));
            return;
        }
        ChatRecords.from(line, received, emotes).ifPresent(records::send);
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

    /** Leaves every chat: this node no longer reads them. */
    synchronized void leaveAll() {
        connectionOf.forEach((name, connection) -> connection.leaveChannel(name));
        connectionOf.clear();
        channels.values().forEach(channel -> emotes.unwatch(channel.value()));
        channels.clear();
    }

    @Override
    public synchronized void destroy() {
        connections.forEach(TwitchChat::close);
        connections.clear();
        workers.forEach(ChatLineWorker::close);
        workers.clear();
        connectionOf.clear();
    }
}
