package dev.stagehand.live.chatroom;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How chat rooms deliver and take messages.
 *
 * @param tick              how often a busy connection gets a frame while few are connected: the messages of a tick go
 *                          out together
 * @param framesPerSecond   frames a node sends to room clients a second at most: ticks lengthen as clients join
 *                          ({@link TickPace})
 * @param readablePerSecond above this many messages a second, a connection gets a sample (its own always), as Twitch
 *                          does for hot chats; history keeps everything
 * @param maxLength         characters a message may have
 * @param burst             messages a chatter may send at once
 * @param refill            and then one more each this long
 * @param resumable         how many messages a client that reconnects ({@code ?since=}) may have missed: it gets them
 *                          all, or beyond this a {@code gap} frame and the last ten
 * @param fullBacklog       ticks a {@code full} reader may fall behind before it is told it is too slow and closed
 */
@ConfigurationProperties("stagehand.rooms")
public record RoomProperties(@DefaultValue("50ms") Duration tick, @DefaultValue("20000") int framesPerSecond,
                             @DefaultValue("40") int readablePerSecond,
                             @DefaultValue("500") int maxLength,
                             @DefaultValue("5") int burst, @DefaultValue("1s") Duration refill,
                             @DefaultValue("1000") int resumable, @DefaultValue("100") int fullBacklog) {

    /** How many messages of others one frame carries at most, for a tick of {@code length}. */
    int perTick(Duration length) {
        return Math.max(1, (int) (readablePerSecond * length.toNanos() / 1_000_000_000L));
    }
}
