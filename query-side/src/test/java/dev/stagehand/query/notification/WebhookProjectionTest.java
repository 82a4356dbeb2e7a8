package dev.stagehand.query.notification;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stagehand.api.account.AccountId;
import dev.stagehand.api.common.SecretId;
import dev.stagehand.api.notification.FindSubscriptionsWatching;
import dev.stagehand.api.notification.FindWatchTargets;
import dev.stagehand.api.notification.FindWebhook;
import dev.stagehand.api.notification.FindWebhooksOf;
import dev.stagehand.api.notification.NotificationOptions;
import dev.stagehand.api.notification.NotificationOptions.WhenOffline;
import dev.stagehand.api.notification.SubscriptionOptionsChanged;
import dev.stagehand.api.notification.WatchTarget;
import dev.stagehand.api.notification.WatchTarget.Kind;
import dev.stagehand.api.notification.WatchingSubscription;
import dev.stagehand.api.notification.WebhookDeleted;
import dev.stagehand.api.notification.WebhookDisabled;
import dev.stagehand.api.notification.WebhookId;
import dev.stagehand.api.notification.WebhookRegistered;
import dev.stagehand.api.notification.WebhookSubscribed;
import dev.stagehand.api.notification.WebhookSubscriptionId;
import dev.stagehand.api.notification.WebhookUnsubscribed;
import dev.stagehand.api.notification.WebhookUpdated;
import dev.stagehand.api.notification.WebhookView;
import dev.stagehand.query.ProjectionTest;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class WebhookProjectionTest extends ProjectionTest {

    private static final AccountId ADA = new AccountId("ada");
    private static final AccountId SAM = new AccountId("sam");
    private static final WebhookId WEBHOOK = new WebhookId("00000000-0000-0000-0000-000000000001");
    private static final WebhookId OTHER = new WebhookId("00000000-0000-0000-0000-000000000002");
    private static final SecretId URL = new SecretId("00000000-0000-0000-0000-0000000000a1");
    private static final WatchTarget STREAMER = new WatchTarget(Kind.STREAMER, "100000001", "Streamer");
    private static final WatchTarget GAME = new WatchTarget(Kind.GAME, "509658", "Just Chatting");
    private static final NotificationOptions PINGS = new NotificationOptions("{{streamer}} is live",
            List.of("123456789012345678"), List.of("en"), List.of("speedrun"), true, WhenOffline.DELETE);
    private static final Instant AT = Instant.parse("2026-12-04T20:00:00Z");

    private final WebhookProjection projection = new WebhookProjection(JDBC, WRITES, JSON);

    @BeforeEach
    void clear() {
        projection.clear();
        // the watch targets include the channels projection's subscribed channels
        JDBC.sql("DELETE FROM channel_view").update();
    }

    private void register(WebhookId id, AccountId owner, String name, Instant at) {
        projection.on(new WebhookRegistered(id, owner, name, SecretId.random(), "https://discord.com/api/webhooks/***"),
                at);
    }

    private WebhookSubscriptionId subscribe(WebhookId webhook, WatchTarget target, Instant at) {
        WebhookSubscriptionId id = WebhookSubscriptionId.random();
        projection.on(new WebhookSubscribed(webhook, id, target, NotificationOptions.defaults()), at);
        return id;
    }

    private Optional<WebhookView> webhook() {
        return projection.handle(new FindWebhook(WEBHOOK));
    }

    private static void channel(String id, String displayName, int subscribers) {
        JDBC.sql("""
                    INSERT INTO channel_view (channel_id, login, display_name, connection, subscribers, updated_at)
                    VALUES (:id, lower(:name), :name, 'JOINED', :subscribers, now())""")
            .param("id", id).param("name", displayName).param("subscribers", subscribers).update();
    }

    @Test
    void aRegisteredWebhookIsFoundEnabledWithoutSubscriptions() {
        projection.on(new WebhookRegistered(WEBHOOK, ADA, "Announcements", URL, "https://discord.com/api/***/ab"),
                AT);
        assertThat(webhook()).contains(new WebhookView(WEBHOOK, ADA, "Announcements",
                "https://discord.com/api/***/ab", URL, null, List.of(), AT, AT));
        assertThat(projection.handle(new FindWebhook(OTHER))).isEmpty();
    }

    @Test
    void subscriptionsAreShownOldestFirstUntilUnsubscribed() {
        register(WEBHOOK, ADA, "Announcements", AT);
        WebhookSubscriptionId game = subscribe(WEBHOOK, GAME, AT.plusSeconds(20));
        WebhookSubscriptionId streamer = WebhookSubscriptionId.random();
        projection.on(new WebhookSubscribed(WEBHOOK, streamer, STREAMER, PINGS), AT.plusSeconds(10));
        assertThat(webhook().orElseThrow().subscriptions()).containsExactly(
                new WebhookView.Subscription(streamer, STREAMER, PINGS, AT.plusSeconds(10)),
                new WebhookView.Subscription(game, GAME, NotificationOptions.defaults(), AT.plusSeconds(20)));

        projection.on(new WebhookUnsubscribed(WEBHOOK, streamer));
        assertThat(webhook().orElseThrow().subscriptions()).extracting(WebhookView.Subscription::subscriptionId)
                .containsExactly(game);
    }

    @Test
    void anUpdateWithoutANewUrlOnlyRenames() {
        projection.on(new WebhookRegistered(WEBHOOK, ADA, "Announcements", URL, "https://discord.com/api/***/ab"),
                AT);
        projection.on(new WebhookDisabled(WEBHOOK, "Discord deleted the webhook"), AT.plusSeconds(10));
        projection.on(new WebhookUpdated(WEBHOOK, "Live now", URL, "https://discord.com/api/***/ab", null),
                AT.plusSeconds(20));
        assertThat(webhook()).get().satisfies(found -> {
            assertThat(found.name()).isEqualTo("Live now");
            assertThat(found.url()).isEqualTo(URL);
            assertThat(found.disabledReason()).isEqualTo("Discord deleted the webhook");
            assertThat(found.updatedAt()).isEqualTo(AT.plusSeconds(20));
        });
    }

    @Test
    void aNewUrlReplacesTheOldOneAndEnablesTheWebhookAgain() {
        SecretId replacement = new SecretId("00000000-0000-0000-0000-0000000000a2");
        projection.on(new WebhookRegistered(WEBHOOK, ADA, "Announcements", URL, "https://discord.com/api/***/ab"),
                AT);
        projection.on(new WebhookDisabled(WEBHOOK, "Discord deleted the webhook"), AT.plusSeconds(10));
        assertThat(webhook().orElseThrow().disabledReason()).isEqualTo("Discord deleted the webhook");

        projection.on(new WebhookUpdated(WEBHOOK, "Announcements", replacement, "https://discord.com/api/***/cd",
                URL), AT.plusSeconds(20));
        assertThat(webhook()).get().satisfies(found -> {
            assertThat(found.url()).isEqualTo(replacement);
            assertThat(found.maskedUrl()).isEqualTo("https://discord.com/api/***/cd");
            assertThat(found.disabledReason()).isNull();
        });
    }

    @Test
    void anOwnersWebhooksAreListedByName() {
        register(WEBHOOK, ADA, "Zebra", AT);
        register(OTHER, ADA, "Alerts", AT.plusSeconds(10));
        register(new WebhookId("00000000-0000-0000-0000-000000000003"), SAM, "Also alerts", AT);
        assertThat(projection.handle(new FindWebhooksOf(ADA))).extracting(WebhookView::webhookId)
                .containsExactly(OTHER, WEBHOOK);
    }

    @Test
    void theWatchTargetsAreEverySubscribedTargetAndSubscribedChannelOnceEach() {
        register(WEBHOOK, ADA, "Announcements", AT);
        register(OTHER, SAM, "Mine", AT);
        subscribe(WEBHOOK, STREAMER, AT);
        subscribe(OTHER, STREAMER, AT);
        subscribe(OTHER, GAME, AT);
        channel(STREAMER.id(), STREAMER.name(), 1);
        channel("100000002", "Subscribed", 2);
        channel("100000003", "Abandoned", 0);
        assertThat(projection.handle(new FindWatchTargets())).containsExactly(GAME, STREAMER,
                new WatchTarget(Kind.STREAMER, "100000002", "Subscribed"));
    }

    @Test
    void theSubscriptionsWatchingAStreamerOrTheirGameIncludeDisabledWebhooksOldestFirst() {
        register(WEBHOOK, ADA, "Announcements", AT);
        register(OTHER, SAM, "Mine", AT);
        projection.on(new WebhookDisabled(OTHER, "Discord deleted the webhook"), AT);
        WebhookSubscriptionId game = subscribe(OTHER, GAME, AT.plusSeconds(10));
        WebhookSubscriptionId streamer = subscribe(WEBHOOK, STREAMER, AT.plusSeconds(20));
        subscribe(WEBHOOK, new WatchTarget(Kind.STREAMER, "100000002", "Somebody else"), AT);
        subscribe(WEBHOOK, new WatchTarget(Kind.GAME, "100000001", "A game with a streamer's id"), AT);

        assertThat(projection.handle(new FindSubscriptionsWatching(STREAMER.id(), GAME.id()))).containsExactly(
                new WatchingSubscription(OTHER, game, GAME, NotificationOptions.defaults(),
                        "Discord deleted the webhook", AT.plusSeconds(10)),
                new WatchingSubscription(WEBHOOK, streamer, STREAMER, NotificationOptions.defaults(), null,
                        AT.plusSeconds(20)));
        assertThat(projection.handle(new FindSubscriptionsWatching(STREAMER.id(), null)))
                .extracting(WatchingSubscription::subscriptionId).containsExactly(streamer);
    }

    @Test
    void aDeletedWebhookIsGoneWithItsSubscriptions() {
        register(WEBHOOK, ADA, "Announcements", AT);
        subscribe(WEBHOOK, STREAMER, AT);
        projection.on(new WebhookDeleted(WEBHOOK, ADA, URL));
        assertThat(webhook()).isEmpty();
        assertThat(projection.handle(new FindWebhooksOf(ADA))).isEmpty();
        assertThat(projection.handle(new FindWatchTargets())).isEmpty();
        assertThat(projection.handle(new FindSubscriptionsWatching(STREAMER.id(), null))).isEmpty();
    }


    @Test
    void aSubscriptionHandedAgainAfterTheDeletionAddsNothing() {
        register(WEBHOOK, ADA, "Announcements", AT);
        WebhookSubscribed subscribed = new WebhookSubscribed(WEBHOOK, WebhookSubscriptionId.random(), STREAMER,
                NotificationOptions.defaults());
        projection.on(subscribed, AT);
        projection.on(new WebhookDeleted(WEBHOOK, ADA, URL));
        projection.on(subscribed, AT);
        assertThat(webhook()).isEmpty();
        assertThat(projection.handle(new FindWatchTargets())).isEmpty();
    }

    @Test
    void eachEventAppliedTwiceChangesNothing() {
        projection.on(new WebhookRegistered(WEBHOOK, ADA, "Announcements", URL, "https://discord.com/api/***/ab"),
                AT);
        projection.on(new WebhookRegistered(WEBHOOK, ADA, "Again", URL, "https://discord.com/api/***/ab"),
                AT.plusSeconds(5));
        WebhookSubscribed subscribed = new WebhookSubscribed(WEBHOOK, WebhookSubscriptionId.random(), STREAMER,
                PINGS);
        projection.on(subscribed, AT);
        projection.on(subscribed, AT.plusSeconds(5));
        assertThat(webhook()).get().satisfies(found -> {
            assertThat(found.name()).isEqualTo("Announcements");
            assertThat(found.createdAt()).isEqualTo(AT);
            assertThat(found.subscriptions()).singleElement()
                    .satisfies(subscription -> assertThat(subscription.createdAt()).isEqualTo(AT));
        });
    }

    @Test
    void aSubscriptionsOptionsChangeInPlace() {
        register(WEBHOOK, ADA, "Announcements", AT);
        WebhookSubscriptionId id = subscribe(WEBHOOK, STREAMER, AT);
        NotificationOptions german = new NotificationOptions("Live!", List.of(), List.of("de"), List.of(), true,
                NotificationOptions.WhenOffline.DELETE);
        projection.on(new SubscriptionOptionsChanged(WEBHOOK, id, german));
        assertThat(webhook()).hasValueSatisfying(view -> assertThat(view.subscriptions()).singleElement()
                .satisfies(subscription -> {
                    assertThat(subscription.options()).isEqualTo(german);
                    assertThat(subscription.target()).isEqualTo(STREAMER);
                }));
    }
}
