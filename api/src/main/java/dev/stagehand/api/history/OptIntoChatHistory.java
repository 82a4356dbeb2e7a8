package dev.stagehand.api.history;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** A chatter who opted out lets their chat be kept again, from now on. */
public record OptIntoChatHistory(String twitchUserId) {

    @TargetAggregateIdentifier
    public String chatterKey() {
        return ChatterKey.of(twitchUserId);
    }
}
