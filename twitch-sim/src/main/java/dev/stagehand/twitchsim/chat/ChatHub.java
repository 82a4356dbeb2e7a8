package dev.stagehand.twitchsim.chat;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArraySet;

/** Who is in which channel, and delivery of a line to a channel's members. */
final class ChatHub {

    private final Map<String, Set<IrcSession>> members = new ConcurrentHashMap<>();
    private final Set<IrcSession> sessions = ConcurrentHashMap.newKeySet();

    void connected(IrcSession session) {
        sessions.add(session);
    }

    void disconnected(IrcSession session) {
        sessions.remove(session);
        members.values().forEach(channel -> channel.remove(session));
    }

    void join(String channel, IrcSession session) {
        members.computeIfAbsent(channel, key -> new CopyOnWriteArraySet<>()).add(session);
    }

    void part(String channel, IrcSession session) {
        Set<IrcSession> channelMembers = members.get(channel);
        if (channelMembers != null) {
            channelMembers.remove(session);
        }
    }

    void broadcast(String channel, ChatLine line, IrcSession except) {
        for (IrcSession member : members.getOrDefault(channel, Set.of())) {
            if (member != except) {
                member.deliver(line);
            }
        }
    }

    int distinctMembers(java.util.Collection<String> channels) {
        Set<IrcSession> distinct = new java.util.HashSet<>();
        channels.forEach(channel -> distinct.addAll(members.getOrDefault(channel, Set.of())));
        return distinct.size();
    }

    int memberCount(String channel) {
        return members.getOrDefault(channel, Set.of()).size();
    }

    Collection<IrcSession> sessions() {
        return List.copyOf(sessions);
    }
}
