package dev.stagehand.query.chatroom;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The chat rooms' history.
 *
 * @param retention how long room messages are kept (whole days are dropped once all their messages are older); 0, the
 *                  default, keeps everything
 */
@ConfigurationProperties("stagehand.rooms.history")
public record RoomHistoryProperties(@DefaultValue("0s") Duration retention) {
}
