package dev.stagehand.query.chat;

import java.util.Set;

/** The chatters who opted out of chat history and analytics, by Twitch id and by login (lower case). */
public record OptedOutChatters(Set<String> ids, Set<String> logins) {

    public static final OptedOutChatters NONE = new OptedOutChatters(Set.of(), Set.of());

    public OptedOutChatters {
        ids = Set.copyOf(ids);
        logins = Set.copyOf(logins);
    }
}
