package dev.stagehand.api.highlight;

import dev.stagehand.api.account.AccountId;

/**
 * The top streams watch: Stagehand follows Twitch's most watched live streams, joins their chat, clips their spikes
 * with an account the operator names, and shows those clips in the public highlight feed.
 */
public final class TopStreams {

    /** There is one watch per deployment. */
    public static final String WATCH_ID = "top-streams";
    /** Subscribes the watched channels (Stagehand stays in their chat while it does) and auto-clips them. */
    public static final AccountId SUBSCRIBER = new AccountId("top-streams-watch");
    /** One page of Helix's streams. */
    public static final int MAX_STREAMS = 100;
    /** Helix takes at most 100 of each filter; more would be an unreadable setting anyway. */
    public static final int MAX_FILTERS = 10;

    private TopStreams() {
    }

    /**
     * How far down the ranking a watched stream may drop before it is left: a stream joins at rank {@code streams} or
     * better and stays down to this rank, so that one at the edge does not come and go with every reading.
     */
    public static int keptDownTo(int streams) {
        return streams + Math.max(2, streams / 4);
    }
}
