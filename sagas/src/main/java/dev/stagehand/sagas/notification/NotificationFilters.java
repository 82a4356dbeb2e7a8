package dev.stagehand.sagas.notification;

import dev.stagehand.api.notification.NotificationOptions;
import dev.stagehand.api.notification.NotificationReason;
import dev.stagehand.api.notification.WatchingSubscription;
import dev.stagehand.api.notification.WebhookId;
import dev.stagehand.api.stream.StreamInfo;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** Whether a subscription announces a stream, and if not, the reason its owner reads in the delivery log. */
final class NotificationFilters {

    /** What one subscription does with a stream: announce it (no reason), or skip it for the reason given. */
    record Decision(WatchingSubscription subscription, Optional<String> skipReason) {
    }

    /**
     * A stream that started this long before the subscription was made is one already running, not announced. The
     * margin covers Twitch's second-precision start times and clocks that disagree.
     */
    static final Duration ALREADY_RUNNING = Duration.ofMinutes(2);

    private NotificationFilters() {
    }

    static Optional<String> skipReason(WatchingSubscription subscription, StreamInfo stream,
                                       NotificationReason reason) {
        NotificationOptions options = subscription.options();
        if (subscription.disabledReason() != null) {
            return Optional.of("The webhook is disabled: " + subscription.disabledReason());
        }
        if (reason == NotificationReason.WENT_LIVE && stream.startedAt() != null
                && stream.startedAt().isBefore(subscription.createdAt().minus(ALREADY_RUNNING))) {
            return Optional.of("The stream had already started when this subscription was made");
        }
        if (!options.languages().isEmpty() && !options.languages().contains(lower(stream.language()))) {
            return Optional.of("The stream's language (" + stream.language() + ") is not one of "
                    + String.join(", ", options.languages()));
        }
        String title = lower(stream.title());
        if (!options.titleKeywords().isEmpty()
                && options.titleKeywords().stream().noneMatch(keyword -> title.contains(lower(keyword)))) {
            return Optional.of("The title has none of the keywords " + String.join(", ", options.titleKeywords()));
        }
        return Optional.empty();
    }

    /**
     * The decisions for every subscription concerned by one stream event: each skips by its own filters, or by
     * {@code skipAll} when present; and a webhook announces the stream once, through its subscription to the streamer
     * when that one announces it, else through its first subscription to the game. The others of the webhook are
     * skipped, naming the subscription that announced.
     */
    static List<Decision> decide(List<WatchingSubscription> concerned, StreamInfo stream, NotificationReason reason,
                                 Optional<String> skipAll) {
        Map<WebhookId, WatchingSubscription> announcing = new HashMap<>();
        List<Decision> decisions = new ArrayList<>();
        for (WatchingSubscription subscription : concerned.stream()
                .sorted(Comparator.comparing(watching -> watching.target().kind())).toList()) {
            Optional<String> skip = skipAll.or(() -> skipReason(subscription, stream, reason));
            if (skip.isEmpty()) {
                WatchingSubscription first = announcing.putIfAbsent(subscription.webhookId(), subscription);
                if (first != null) {
                    skip = Optional.of("Announced once through this webhook, by its subscription to "
                            + first.target().name());
                }
            }
            decisions.add(new Decision(subscription, skip));
        }
        return decisions;
    }

    private static String lower(String text) {
        return text == null ? "" : text.toLowerCase(Locale.ROOT);
    }
}
