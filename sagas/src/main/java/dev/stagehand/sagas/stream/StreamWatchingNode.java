package dev.stagehand.sagas.stream;

import dev.stagehand.sagas.cluster.ClusterLock;
import javax.sql.DataSource;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * Whether this node watches streams for the whole deployment: polls Helix, keeps the EventSub webhook subscriptions
 * and holds the streamers' EventSub sockets. One node does, so that Helix's points are spent once and Twitch sees one
 * socket per streamer; the others stand by and take over when it goes.
 */
@Component
class StreamWatchingNode implements DisposableBean {

    private final ClusterLock lock;

    StreamWatchingNode(DataSource dataSource) {
        this.lock = new ClusterLock(dataSource, "stream watching");
    }

    boolean watches() {
        return lock.held();
    }

    @Override
    public void destroy() {
        lock.release();
    }
}
