package dev.stagehand.api.highlight;

import java.time.Instant;
import java.util.List;

/** The top streams watch as it runs (see {@link ConfigureTopStreamsWatch}); {@code since}: when last configured. */
public record TopStreamsWatchView(int streams, List<String> gameIds, List<String> languages, String clipperTwitchId,
                                  String clipperLogin, Instant since) {

    public TopStreamsWatchView {
        gameIds = List.copyOf(gameIds);
        languages = List.copyOf(languages);
    }
}
