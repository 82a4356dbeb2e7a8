package dev.stagehand.twitchsim.chat;

import dev.stagehand.twitchsim.world.SimUser;
import dev.stagehand.twitchsim.world.SimWorld;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Drives the simulated chat from the outside (tests, the scenario driver, the control API): chatters talk, users
 * subscribe and raid, moderators ban and delete, Twitch asks clients to reconnect or drops them.
 */
public final class SimChat {

    private final SimWorld world;
    private final ChatHub hub;
    private final TwitchEmotes emotes;
    private final Map<String, AtomicLong> said = new ConcurrentHashMap<>();

    SimChat(SimWorld world, ChatHub hub, TwitchEmotes emotes) {
        this.world = world;
        this.hub = hub;
        this.emotes = emotes;
    }

    public TwitchEmotes emotes() {
        return emotes;
    }

    /** A chat message from {@code chatter} in {@code channel}; returns its Twitch message id. */
    public String say(String channel, String chatter, String text) {
        return say(channel, chatter, text, null);
    }

    /** As {@link #say(String, String, String)}, with explicit badges such as {@code subscriber/12,premium/1}. */
    public String say(String channel, String chatter, String text, String badges) {
        SimUser broadcaster = world.user(channel);
        SimUser author = world.user(chatter);
        String id = UUID.randomUUID().toString();
        hub.broadcast(broadcaster.login(), ChatLines.privmsg(id, System.currentTimeMillis(), broadcaster, author,
                text, emotes.tag(broadcaster.login(), text),
                badges == null ? ChatLines.badgesOf(author, broadcaster) : badges, "", false), null);
        said.computeIfAbsent(broadcaster.login(), login -> new AtomicLong()).incrementAndGet();
        return id;
    }

    /**
     * A chat message with any tags set over the ones Twitch would send ({@code bits=100}, {@code first-msg=1},
     * {@code reply-parent-msg-id=…}, a {@code source-room-id} of a shared chat); returns its Twitch message id (its
     * {@code id} tag, when set).
     */
    public String sayWithTags(String channel, String chatter, String text, Map<String, String> tags) {
        SimUser broadcaster = world.user(channel);
        SimUser author = world.user(chatter);
        String id = tags.getOrDefault("id", UUID.randomUUID().toString());
        ChatLine line = ChatLines.privmsg(id, System.currentTimeMillis(), broadcaster, author, text,
                emotes.tag(broadcaster.login(), text), ChatLines.badgesOf(author, broadcaster), "", false);
        hub.broadcast(broadcaster.login(), ChatLines.withTags(line, tags), null);
        said.computeIfAbsent(broadcaster.login(), login -> new AtomicLong()).incrementAndGet();
        return id;
    }

    /** How many chat messages were said in {@code channel} so far (by tests and the scenario alike). */
    public long messagesSaid(String channel) {
        AtomicLong count = said.get(world.user(channel).login());
        return count == null ? 0 : count.get();
    }

    public void subscribe(String channel, String subscriber, int months, String text) {
        SimUser broadcaster = world.user(channel);
        SimUser user = world.user(subscriber);
        String msgId = months <= 1 ? "sub" : "resub";
        hub.broadcast(broadcaster.login(), ChatLines.usernotice(broadcaster, user, msgId,
                "msg-param-cumulative-months=" + months + ";msg-param-sub-plan=1000;msg-param-sub-plan-name="
                        + IrcMessage.escape("Channel Subscription"),
                user.displayName() + (months <= 1 ? " subscribed at Tier 1." : " subscribed at Tier 1. They've "
                        + "subscribed for " + months + " months!"), text), null);
    }

    public void giftSubscription(String channel, String gifter, String recipient) {
        SimUser broadcaster = world.user(channel);
        SimUser user = world.user(gifter);
        SimUser to = world.user(recipient);
        hub.broadcast(broadcaster.login(), ChatLines.usernotice(broadcaster, user, "subgift",
                "msg-param-recipient-id=" + to.id() + ";msg-param-recipient-user-name=" + to.login()
                        + ";msg-param-recipient-display-name=" + IrcMessage.escape(to.displayName())
                        + ";msg-param-sub-plan=1000;msg-param-months=1",
                user.displayName() + " gifted a Tier 1 sub to " + to.displayName() + "!", null), null);
    }

    /**
     * A wave of gifted subs as Twitch announces it: one {@code submysterygift} notice, then a {@code subgift} for each
     * of {@code count} recipients.
     */
    public void giftWave(String channel, String gifter, int count) {
        SimUser broadcaster = world.user(channel);
        SimUser user = world.user(gifter);
        hub.broadcast(broadcaster.login(), ChatLines.usernotice(broadcaster, user, "submysterygift",
                "msg-param-mass-gift-count=" + count + ";msg-param-sub-plan=1000",
                user.displayName() + " is gifting " + count + " Tier 1 Subs to " + broadcaster.displayName()
                        + "'s community!", null), null);
        for (int i = 1; i <= count; i++) {
            giftSubscription(channel, gifter, broadcaster.login() + "_gifted_" + i);
        }
    }

    public void raid(String channel, String raider, int viewers) {
        SimUser broadcaster = world.user(channel);
        SimUser user = world.user(raider);
        hub.broadcast(broadcaster.login(), ChatLines.usernotice(broadcaster, user, "raid",
                "msg-param-displayName=" + IrcMessage.escape(user.displayName()) + ";msg-param-login=" + user.login()
                        + ";msg-param-viewerCount=" + viewers,
                viewers + " raiders from " + user.displayName() + " have joined!", null), null);
    }

    public void ban(String channel, String chatter) {
        SimUser broadcaster = world.user(channel);
        hub.broadcast(broadcaster.login(), ChatLines.clearchat(broadcaster, world.user(chatter), null), null);
    }

    public void timeout(String channel, String chatter, int seconds) {
        SimUser broadcaster = world.user(channel);
        hub.broadcast(broadcaster.login(), ChatLines.clearchat(broadcaster, world.user(chatter), seconds), null);
    }

    public void clearChat(String channel) {
        SimUser broadcaster = world.user(channel);
        hub.broadcast(broadcaster.login(), ChatLines.clearchat(broadcaster, null, null), null);
    }

    public void deleteMessage(String channel, String author, String messageId, String text) {
        SimUser broadcaster = world.user(channel);
        hub.broadcast(broadcaster.login(), ChatLines.clearmsg(broadcaster, world.user(author), messageId, text),
                null);
    }

    /** How many connections have joined the channel. */
    public int viewersConnected(String channel) {
        return hub.memberCount(channel.toLowerCase());
    }

    /** How many different connections are in at least one of the channels. */
    public int connectionsIn(java.util.List<String> channels) {
        return hub.distinctMembers(channels.stream().map(String::toLowerCase).toList());
    }

    /** Sends RECONNECT to every client, as Twitch does before a chat server restarts. */
    public void reconnectAll() {
        hub.sessions().forEach(IrcSession::reconnect);
    }

    /** Closes every chat connection without warning. */
    public void dropAllConnections() {
        hub.sessions().forEach(IrcSession::dropConnection);
    }
}
