package dev.stagehand.api.notification;

/**
 * Answered with a {@code List<WatchingSubscription>}: the subscriptions of enabled and disabled webhooks alike that
 * watch this streamer or this game.
 */
public record FindSubscriptionsWatching(String broadcasterId, String gameId) {
}
