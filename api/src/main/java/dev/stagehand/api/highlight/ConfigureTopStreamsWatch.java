package dev.stagehand.api.highlight;

import dev.stagehand.api.account.AccountId;
import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * An operator starts or changes the top streams watch.
 *
 * @param streams         how many of the top live streams to follow (1 to {@link TopStreams#MAX_STREAMS})
 * @param gameIds         Twitch categories to take them from; empty for all
 * @param languages       their languages (ISO 639-1, or Twitch's {@code other}); empty for any
 * @param clipperTwitchId the Twitch account, logged in to Stagehand, whose token clips their spikes
 * @param clipperLogin    its login, as the Admin page names it
 */
public record ConfigureTopStreamsWatch(@TargetAggregateIdentifier String watchId, AccountId operator, int streams,
                                       List<String> gameIds, List<String> languages, String clipperTwitchId,
                                       String clipperLogin) {

    public ConfigureTopStreamsWatch {
        gameIds = List.copyOf(gameIds);
        languages = List.copyOf(languages);
    }
}
