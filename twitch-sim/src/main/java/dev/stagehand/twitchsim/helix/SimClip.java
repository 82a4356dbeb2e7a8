package dev.stagehand.twitchsim.helix;

import dev.stagehand.twitchsim.world.SimStream;
import dev.stagehand.twitchsim.world.SimUser;
import java.time.Instant;

/** A clip as Helix shows it once Twitch has finished making it; the simulator serves its page ({@link ClipPages}). */
public record SimClip(String id, SimStream stream, SimUser creator, Instant createdAt, Instant visibleAt,
                      float duration) {
}
