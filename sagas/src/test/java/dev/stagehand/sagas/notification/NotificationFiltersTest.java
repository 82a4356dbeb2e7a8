package dev.stagehand.sagas.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.stagehand.api.notification.NotificationOptions;
import dev.stagehand.api.notification.NotificationOptions.WhenOffline;
import dev.stagehand.api.notification.NotificationReason;
import dev.stagehand.api.notification.WatchTarget;
import dev.stagehand.api.notification.WatchingSubscription;
import dev.stagehand.api.notification.WebhookId;
import dev.stagehand.api.notification.WebhookSubscriptionId;
import dev.stagehand.api.stream.StreamInfo;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class NotificationFiltersTest {

    private static final Instant SUBSCRIBED = Instant.parse("2026-12-02T18:00:00Z");

    private static WatchingSubscription subscription(List<String> languages, List<String> keywords, String disabled) {
        return new WatchingSubscription(new WebhookId("5a0c0f00-0000-4000-8000-000000000001"),
                new WebhookSubscriptionId("5a0c0f00-0000-4000-8000-0000000000b1"),
                new WatchTarget(WatchTarget.Kind.GAME, "509658", "Just Chatting"),
                new NotificationOptions("", List.of(), languages, keywords, false, WhenOffline.EDIT), disabled,
                SUBSCRIBED);
    }

    private static WatchingSubscription watching(String webhook, String subscriptionId, WatchTarget target,
                                                 List<String> languages) {
        return new WatchingSubscription(new WebhookId(webhook), new WebhookSubscriptionId(subscriptionId), target,
                new NotificationOptions("", List.of(), languages, List.of(), false, WhenOffline.EDIT), null,
                SUBSCRIBED);
    }

    private static StreamInfo stream(String title, String language, Instant startedAt) {
        return new StreamInfo("s1", "pixelpanda", "PixelPanda", "509658", "Just Chatting", title, language, 10, null,
                startedAt);
    }

    private static String why(WatchingSubscription subscription, StreamInfo stream) {
        return NotificationFilters.skipReason(subscription, stream, NotificationReason.WENT_LIVE).orElse(null);
    }

    @Test
    void aMatchingNewStreamIsAnnounced() {
        assertThat(why(subscription(List.of("en"), List.of("Speedrun"), null),
                stream("Any% SPEEDRUN attempts", "en", SUBSCRIBED.plusSeconds(60)))).isNull();
    }

    @Test
    void filtersSayWhyTheySkip() {
        Instant later = SUBSCRIBED.plusSeconds(60);
        assertThat(why(subscription(List.of("de", "fr"), List.of(), null), stream("x", "en", later)))
                .isEqualTo("The stream's language (en) is not one of de, fr");
        assertThat(why(subscription(List.of(), List.of("speedrun", "any%"), null), stream("Chill chat", "en", later)))
                .isEqualTo("The title has none of the keywords speedrun, any%");
        assertThat(why(subscription(List.of(), List.of(), "Discord deleted it"), stream("x", "en", later)))
                .isEqualTo("The webhook is disabled: Discord deleted it");
    }

    @Test
    void aStreamRunningLongBeforeTheSubscriptionIsNotAnnouncedButOneStartedMomentsBeforeIs() {
        WatchingSubscription any = subscription(List.of(), List.of(), null);
        assertThat(why(any, stream("x", "en", SUBSCRIBED.minus(Duration.ofHours(3)))))
                .isEqualTo("The stream had already started when this subscription was made");
        assertThat(why(any, stream("x", "en", SUBSCRIBED.minusSeconds(30)))).isNull();
        assertThat(NotificationFilters.skipReason(any, stream("x", "en", SUBSCRIBED.minus(Duration.ofHours(3))),
                NotificationReason.GAME_CHANGED)).as("a game change happens now").isEmpty();
    }

    @Test
    void aWebhookAnnouncesAStreamOnceThroughItsStreamerSubscriptionFirst() {
        String one = "5a0c0f00-0000-4000-8000-000000000001";
        String other = "5a0c0f00-0000-4000-8000-000000000002";
        WatchTarget game = new WatchTarget(WatchTarget.Kind.GAME, "509658", "Just Chatting");
        WatchTarget streamer = new WatchTarget(WatchTarget.Kind.STREAMER, "100000001", "PixelPanda");
        WatchingSubscription byGame = watching(one, "5a0c0f00-0000-4000-8000-0000000000b1", game, List.of());
        WatchingSubscription byStreamer = watching(one, "5a0c0f00-0000-4000-8000-0000000000b2", streamer, List.of());
        WatchingSubscription elsewhere = watching(other, "5a0c0f00-0000-4000-8000-0000000000b3", game, List.of());
        StreamInfo live = stream("x", "en", SUBSCRIBED.plusSeconds(60));

        assertThat(NotificationFilters.decide(List.of(byGame, byStreamer, elsewhere), live,
                NotificationReason.WENT_LIVE, Optional.empty()))
                .extracting(decision -> decision.subscription(), decision -> decision.skipReason().orElse(null))
                .containsExactly(tuple(byStreamer, null), tuple(byGame,
                        "Announced once through this webhook, by its subscription to PixelPanda"),
                        tuple(elsewhere, null));

        WatchingSubscription germanOnly = watching(one, "5a0c0f00-0000-4000-8000-0000000000b2", streamer,
                List.of("de"));
        assertThat(NotificationFilters.decide(List.of(byGame, germanOnly), live, NotificationReason.WENT_LIVE,
                Optional.empty()))
                .as("the streamer subscription's filters skip it, so the game's announces")
                .extracting(decision -> decision.skipReason().orElse(null))
                .containsExactly("The stream's language (en) is not one of de", null);
    }
}
