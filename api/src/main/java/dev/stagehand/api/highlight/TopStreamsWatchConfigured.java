package dev.stagehand.api.highlight;

import dev.stagehand.api.account.AccountId;
import java.util.List;
import org.axonframework.serialization.Revision;

/** The top streams watch runs with these settings (see {@link ConfigureTopStreamsWatch}). */
@Revision("1")
public record TopStreamsWatchConfigured(String watchId, AccountId operator, int streams, List<String> gameIds,
                                        List<String> languages, String clipperTwitchId, String clipperLogin) {

    public TopStreamsWatchConfigured {
        gameIds = List.copyOf(gameIds);
        languages = List.copyOf(languages);
    }
}
