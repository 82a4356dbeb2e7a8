package dev.stagehand.sagas.stream;

import dev.stagehand.platform.cluster.ClusterNode;
import org.springframework.stereotype.Component;

/**
 * Whether this node watches streams for the whole deployment: polls Helix, keeps the EventSub webhook subscriptions
 * and holds the streamers' EventSub sockets. One node does, so that Helix's points are spent once and Twitch sees one
 * socket per streamer; the others stand by and take over when it goes.
 */
@Component
public class StreamWatchingNode {

    private final ClusterNode node;

    StreamWatchingNode(ClusterNode node) {
        this.node = node;
    }

    public boolean watches() {
        return node.claim("stream watching");
    }
}
