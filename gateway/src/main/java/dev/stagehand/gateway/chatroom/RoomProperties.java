package dev.stagehand.gateway.chatroom;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How chat rooms deliver and take messages.
 *
 * @param tick              how often a busy connection gets a frame: the messages of a tick go out together
 * @param readablePerSecond above this many messages a second, a connection gets a sample (its own always), as Twitch
 *                          does for hot chats; history keeps everything
 * @param maxLength         characters a message may have
 * @param burst             messages a chatter may send at once
 * @param refill            and then one more each this long
 */
@ConfigurationProperties("stagehand.rooms")
public record RoomProperties(@DefaultValue("50ms") Duration tick, @DefaultValue("40") int readablePerSecond,
                             @DefaultValue("500") int maxLength,
                             @DefaultValue("5") int burst, @DefaultValue("1s") Duration refill) {

    /** How many messages of others one frame carries at most. */
    int perTick() {
        return Math.max(1, (int) Math.ceil(readablePerSecond * tick.toMillis() / 1000.0));
    }
}
