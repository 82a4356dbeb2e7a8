package dev.stagehand.api.history;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** A chatter, logged in with Twitch as {@code twitchUserId}, asks that their chat no longer be kept. */
public record OptOutOfChatHistory(String twitchUserId, String login) {

    @TargetAggregateIdentifier
    public String chatterKey() {
        return ChatterKey.of(twitchUserId);
    }
}
