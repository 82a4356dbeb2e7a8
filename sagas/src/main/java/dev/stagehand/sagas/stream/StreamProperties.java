package dev.stagehand.sagas.stream;

import java.net.URI;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param pollInterval  how often Helix is asked which watched streamers and games are live (Helix's own answers lag
 *                      by a minute or more, so polling faster gains little)
 * @param comebackGrace a stream back within this long after going offline is the same stream, not announced again
 * @param maxBackoff    the longest wait between polls while Twitch refuses or fails them
 * @param eventsubCallback the public HTTPS URL at which Twitch reaches this deployment's {@code /eventsub/callback};
 *                      when set (in demo mode, Stagehand's own address), watched streamers are followed by EventSub
 *                      webhooks too
 * @param helixLag      how long Helix may not yet list a stream EventSub announced (Twitch caches its answers): a poll
 *                      in that time does not take the stream offline
 */
@ConfigurationProperties("stagehand.streams")
public record StreamProperties(@DefaultValue("60s") Duration pollInterval, @DefaultValue("5m") Duration comebackGrace,
                               @DefaultValue("5m") Duration maxBackoff, URI eventsubCallback,
                               @DefaultValue("3m") Duration helixLag) {
}
