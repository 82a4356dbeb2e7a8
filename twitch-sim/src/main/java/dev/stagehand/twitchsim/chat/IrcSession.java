package dev.stagehand.twitchsim.chat;

import dev.stagehand.twitchsim.world.SimToken;
import dev.stagehand.twitchsim.world.SimUser;
import dev.stagehand.twitchsim.world.SimWorld;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Sinks;
import reactor.util.concurrent.Queues;

/**
 * One client connection to Twitch chat: its login, capabilities, channels and rate limits, and the queue of lines
 * waiting to be written to it. A client that lets that queue overflow is disconnected, as Twitch does.
 */
final class IrcSession {

    private static final Logger log = LoggerFactory.getLogger(IrcSession.class);
    private static final Pattern ANONYMOUS = Pattern.compile("justinfan\\d+");
    private static final Set<String> KNOWN_CAPABILITIES =
            Set.of("twitch.tv/tags", "twitch.tv/commands", "twitch.tv/membership");
    private static final int MAX_MESSAGE_LENGTH = 500;
    private static final int OUTBOUND_CAPACITY = 1 << 20;
    private static final int LINES_PER_FRAME = 256;

    private final SimWorld world;
    private final ChatHub hub;
    private final TwitchEmotes emotes;
    private final Runnable drop;
    // A queue that grows as needed (a preallocated one would cost megabytes per idle connection); queued bounds it.
    private final Sinks.Many<String> outbound = Sinks.many().unicast()
            .onBackpressureBuffer(Queues.<String>unbounded(LINES_PER_FRAME).get());
    private final AtomicLong queued = new AtomicLong();
    private final Set<String> capabilities = ConcurrentHashMap.newKeySet();
    private final Set<String> channels = ConcurrentHashMap.newKeySet();
    private final RateLimit messages = new RateLimit(20, Duration.ofSeconds(30));
    private final RateLimit joins = new RateLimit(20, Duration.ofSeconds(10));

    private volatile String pass;
    private volatile String nick;
    private volatile SimUser user;
    private volatile boolean registered;

    IrcSession(SimWorld world, ChatHub hub, TwitchEmotes emotes, Runnable drop) {
        this.world = world;
        this.hub = hub;
        this.emotes = emotes;
        this.drop = drop;
    }

    /** The lines to write, several to a WebSocket frame when they come fast, as Twitch batches them. */
    Flux<String> frames() {
        return outbound.asFlux()
                .doOnNext(line -> queued.decrementAndGet())
                .bufferTimeout(LINES_PER_FRAME, Duration.ofMillis(1), true)
                .map(lines -> String.join("\r\n", lines) + "\r\n");
    }

    void onText(String text) {
        for (String line : text.split("\r?\n")) {
            if (!line.isBlank()) {
                onLine(line);
            }
        }
    }

    private void onLine(String line) {
        Optional<IrcMessage> parsed = IrcMessage.parse(line);
        if (parsed.isEmpty()) {
            send(":tmi.twitch.tv 421 " + nickOrStar() + " " + line.strip() + " :Unknown command");
            return;
        }
        IrcMessage message = parsed.get();
        switch (message.command()) {
            case "CAP" -> onCap(message);
            case "PASS" -> pass = message.param(0);
            case "NICK" -> onNick(message.param(0));
            case "PING" -> send(":tmi.twitch.tv PONG tmi.twitch.tv :"
                    + Optional.ofNullable(message.param(0)).orElse("tmi.twitch.tv"));
            case "PONG", "QUIT" -> { }
            case "JOIN" -> whenRegistered(() -> onJoin(message.param(0)));
            case "PART" -> whenRegistered(() -> onPart(message.param(0)));
            case "PRIVMSG" -> whenRegistered(() -> onPrivmsg(message.param(0), message.param(1)));
            default -> send(":tmi.twitch.tv 421 " + nickOrStar() + " " + message.command() + " :Unknown command");
        }
    }

    private void onCap(IrcMessage message) {
        if (!"REQ".equalsIgnoreCase(message.param(0)) || message.param(1) == null) {
            return;
        }
        List<String> requested = List.of(message.param(1).trim().split("\\s+"));
        if (KNOWN_CAPABILITIES.containsAll(requested)) {
            capabilities.addAll(requested);
            send(":tmi.twitch.tv CAP * ACK :" + String.join(" ", requested));
        } else {
            send(":tmi.twitch.tv CAP * NAK :" + String.join(" ", requested));
        }
    }

    private void onNick(String requestedNick) {
        if (requestedNick == null || registered) {
            return;
        }
        if (ANONYMOUS.matcher(requestedNick).matches()) {
            nick = requestedNick;
        } else {
            Optional<SimToken> token = Optional.ofNullable(pass)
                    .filter(p -> p.regionMatches(true, 0, "oauth:", 0, 6))
                    .flatMap(p -> world.token(p.substring(6)))
                    .filter(t -> t.user() != null && (t.hasScope("chat:read") || t.hasScope("chat:edit")));
            if (token.isEmpty()) {
                send(":tmi.twitch.tv NOTICE * :Login authentication failed");
                closeAfterWriting();
                return;
            }
            user = token.get().user();
            nick = user.login();
        }
        registered = true;
        String n = nick;
        send(":tmi.twitch.tv 001 " + n + " :Welcome, GLHF!");
        send(":tmi.twitch.tv 002 " + n + " :Your host is tmi.twitch.tv");
        send(":tmi.twitch.tv 003 " + n + " :This server is rather new");
        send(":tmi.twitch.tv 004 " + n + " :-");
        send(":tmi.twitch.tv 375 " + n + " :-");
        send(":tmi.twitch.tv 372 " + n + " :You are in a great big world!");
        send(":tmi.twitch.tv 376 " + n + " :>");
        if (user != null && capabilities.contains("twitch.tv/tags") && capabilities.contains("twitch.tv/commands")) {
            deliver(ChatLine.of(userTags("") + ";user-id=" + user.id(), ":tmi.twitch.tv GLOBALUSERSTATE"));
        }
    }

    private void onJoin(String channelList) {
        if (channelList == null) {
            return;
        }
        for (String raw : channelList.split(",")) {
            String channel = raw.strip().toLowerCase().replaceFirst("^#", "");
            if (channel.isEmpty() || channels.contains(channel)) {
                continue;
            }
            if (!joins.tryAcquire()) {
                log.debug("{} is over the join rate limit; dropping JOIN #{}", nick, channel);
                continue;
            }
            Optional<SimUser> broadcaster = world.userByLogin(channel);
            if (broadcaster.isEmpty()) {
                deliver(ChatLine.of("msg-id=msg_channel_suspended",
                        ":tmi.twitch.tv NOTICE #" + channel + " :This channel does not exist or has been suspended."));
                continue;
            }
            channels.add(channel);
            hub.join(channel, this);
            String self = ":" + nick + "!" + nick + "@" + nick + ".tmi.twitch.tv";
            send(self + " JOIN #" + channel);
            send(":" + nick + ".tmi.twitch.tv 353 " + nick + " = #" + channel + " :" + nick);
            send(":" + nick + ".tmi.twitch.tv 366 " + nick + " #" + channel + " :End of /NAMES list");
            if (user != null) {
                deliver(ChatLine.of(userTags(channel), ":tmi.twitch.tv USERSTATE #" + channel));
            }
            deliver(ChatLine.of("emote-only=0;followers-only=-1;r9k=0;room-id=" + broadcaster.get().id()
                    + ";slow=0;subs-only=0", ":tmi.twitch.tv ROOMSTATE #" + channel));
            hub.broadcast(channel, ChatLine.membership(self + " JOIN #" + channel), this);
        }
    }

    private void onPart(String channelList) {
        if (channelList == null) {
            return;
        }
        for (String raw : channelList.split(",")) {
            String channel = raw.strip().toLowerCase().replaceFirst("^#", "");
            if (channels.remove(channel)) {
                hub.part(channel, this);
                send(":" + nick + "!" + nick + "@" + nick + ".tmi.twitch.tv PART #" + channel);
            }
        }
    }

    private void onPrivmsg(String target, String text) {
        if (user == null || target == null || text == null) {
            return; // anonymous logins can read but not send; Twitch ignores what they send
        }
        String channel = target.toLowerCase().replaceFirst("^#", "");
        if (!channels.contains(channel) || text.codePointCount(0, text.length()) > MAX_MESSAGE_LENGTH) {
            return;
        }
        boolean privileged = channel.equals(user.login());
        if (!messages.tryAcquire(privileged ? 100 : 20)) {
            deliver(ChatLine.of("msg-id=msg_ratelimit", ":tmi.twitch.tv NOTICE #" + channel
                    + " :Your message was not sent because you are sending messages too quickly."));
            return;
        }
        world.userByLogin(channel).ifPresent(broadcaster -> hub.broadcast(channel,
                ChatLines.privmsg(broadcaster, user, text, emotes.tag(channel, text), ChatLines.badgesOf(user,
                        broadcaster)), this));
        deliver(ChatLine.of(userTags(channel), ":tmi.twitch.tv USERSTATE #" + channel));
    }

    private String userTags(String channel) {
        boolean broadcaster = user.login().equals(channel);
        return "badge-info=;badges=" + (broadcaster ? "broadcaster/1" : "") + ";color=" + user.color()
                + ";display-name=" + IrcMessage.escape(user.displayName()) + ";emote-sets=0;mod=0;subscriber=0"
                + ";user-type=";
    }

    private void whenRegistered(Runnable action) {
        if (registered) {
            action.run();
        }
    }

    private String nickOrStar() {
        return nick == null ? "*" : nick;
    }

    void deliver(ChatLine line) {
        if (line.membership() && !capabilities.contains("twitch.tv/membership")) {
            return;
        }
        send(capabilities.contains("twitch.tv/tags") ? line.tagged() : line.plain());
    }

    void send(String line) {
        if (queued.incrementAndGet() > OUTBOUND_CAPACITY) {
            log.info("Disconnecting {}: it fell {} lines behind", nickOrStar(), OUTBOUND_CAPACITY);
            drop.run();
            return;
        }
        synchronized (outbound) {
            outbound.tryEmitNext(line);
        }
    }

    /** Ends the stream of lines: what is queued is written, then the connection is closed. */
    private void closeAfterWriting() {
        synchronized (outbound) {
            outbound.tryEmitComplete();
        }
    }

    void closed() {
        closeAfterWriting();
        hub.disconnected(this);
    }

    /** Asks the client to reconnect, as Twitch does before restarting a chat server, then closes. */
    void reconnect() {
        send(":tmi.twitch.tv RECONNECT");
    }

    void dropConnection() {
        drop.run();
    }
}
