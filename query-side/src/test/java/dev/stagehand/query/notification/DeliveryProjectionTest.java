package dev.stagehand.query.notification;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stagehand.api.account.AccountId;
import dev.stagehand.api.common.SecretId;
import dev.stagehand.api.notification.DeliveryView;
import dev.stagehand.api.notification.DeliveryView.Attempt;
import dev.stagehand.api.notification.FindDeliveries;
import dev.stagehand.api.notification.NotificationAbandoned;
import dev.stagehand.api.notification.NotificationDelivered;
import dev.stagehand.api.notification.NotificationDeliveryFailed;
import dev.stagehand.api.notification.NotificationDispatched;
import dev.stagehand.api.notification.NotificationEnded;
import dev.stagehand.api.notification.NotificationId;
import dev.stagehand.api.notification.NotificationOptions;
import dev.stagehand.api.notification.NotificationOptions.WhenOffline;
import dev.stagehand.api.notification.NotificationReason;
import dev.stagehand.api.notification.NotificationRedriven;
import dev.stagehand.api.notification.NotificationSkipped;
import dev.stagehand.api.notification.WebhookDeleted;
import dev.stagehand.api.notification.WebhookId;
import dev.stagehand.api.notification.WebhookSubscriptionId;
import dev.stagehand.api.stream.StreamInfo;
import dev.stagehand.query.ProjectionTest;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class DeliveryProjectionTest extends ProjectionTest {

    private static final WebhookId WEBHOOK = new WebhookId("00000000-0000-0000-0000-000000000001");
    private static final WebhookId OTHER = new WebhookId("00000000-0000-0000-0000-000000000002");
    private static final WebhookSubscriptionId SUBSCRIPTION =
            new WebhookSubscriptionId("00000000-0000-0000-0000-0000000000b1");
    private static final Instant AT = Instant.parse("2026-12-04T20:00:00Z");
    private static final StreamInfo STREAM = new StreamInfo("314159", "streamer", "Streamer", "509658",
            "Just Chatting", "Hello chat", "en", 42, "https://thumb/{width}x{height}.jpg", AT.minusSeconds(60));
    private static final NotificationId ID = NotificationId.of(STREAM.streamId(), SUBSCRIPTION,
            NotificationReason.WENT_LIVE, null);

    private final DeliveryProjection projection = new DeliveryProjection(JDBC, WRITES);

    @BeforeEach
    void clear() {
        projection.clear();
    }

    private void dispatch(NotificationId id, WebhookId webhook, Instant at) {
        projection.on(new NotificationDispatched(id, webhook, SUBSCRIPTION, "100000001", STREAM,
                NotificationOptions.defaults(), NotificationReason.WENT_LIVE), at);
    }

    private DeliveryView delivery() {
        List<DeliveryView> log = projection.handle(new FindDeliveries(WEBHOOK, 10));
        assertThat(log).hasSize(1);
        return log.get(0);
    }

    @Test
    void aDispatchedNotificationIsLoggedWithTheStreamItAnnounces() {
        dispatch(ID, WEBHOOK, AT);
        assertThat(projection.handle(new FindDeliveries(WEBHOOK, 10))).containsExactly(new DeliveryView(ID, WEBHOOK,
                SUBSCRIPTION, "100000001", "Streamer", "Hello chat", "Just Chatting", NotificationReason.WENT_LIVE,
                "DISPATCHED", null, null, null, List.of(), AT, AT));
        assertThat(projection.handle(new FindDeliveries(OTHER, 10))).isEmpty();
    }

    @Test
    void aSkippedNotificationIsLoggedWithWhy() {
        projection.on(new NotificationSkipped(ID, WEBHOOK, SUBSCRIPTION, "100000001", STREAM,
                NotificationReason.GAME_CHANGED, "the title has none of the keywords"), AT);
        assertThat(delivery()).satisfies(found -> {
            assertThat(found.state()).isEqualTo("SKIPPED");
            assertThat(found.why()).isEqualTo("the title has none of the keywords");
            assertThat(found.reason()).isEqualTo(NotificationReason.GAME_CHANGED);
        });
    }

    @Test
    void aFailedAttemptRetriesUntilTheLastOneAbandonsTheNotification() {
        dispatch(ID, WEBHOOK, AT);
        projection.on(new NotificationDeliveryFailed(ID, WEBHOOK, 1, 503, "Discord answered 503", 40,
                AT.plusSeconds(30)), AT.plusSeconds(1));
        assertThat(delivery().state()).isEqualTo("RETRYING");

        projection.on(new NotificationDeliveryFailed(ID, WEBHOOK, 2, 0, "Discord did not answer", 5000, null),
                AT.plusSeconds(35));
        projection.on(new NotificationAbandoned(ID, WEBHOOK, 2, "Discord did not answer"), AT.plusSeconds(35));
        assertThat(delivery()).satisfies(found -> {
            assertThat(found.state()).isEqualTo("ABANDONED");
            assertThat(found.why()).isEqualTo("Discord did not answer");
            assertThat(found.updatedAt()).isEqualTo(AT.plusSeconds(35));
            assertThat(found.attempts()).containsExactly(
                    new Attempt(1, 503, "Discord answered 503", 40, AT.plusSeconds(1), AT.plusSeconds(30)),
                    new Attempt(2, 0, "Discord did not answer", 5000, AT.plusSeconds(35), null));
        });
    }

    @Test
    void aDeliveredNotificationKeepsItsMessageIdAndEveryAttempt() {
        dispatch(ID, WEBHOOK, AT);
        projection.on(new NotificationDeliveryFailed(ID, WEBHOOK, 1, 503, "Discord answered 503", 40,
                AT.plusSeconds(30)), AT.plusSeconds(1));
        projection.on(new NotificationDelivered(ID, WEBHOOK, 2, "1300000000000000001", 120), AT.plusSeconds(31));
        assertThat(delivery()).satisfies(found -> {
            assertThat(found.state()).isEqualTo("DELIVERED");
            assertThat(found.messageId()).isEqualTo("1300000000000000001");
            assertThat(found.attempts()).extracting(Attempt::status).containsExactly(503, 200);
            assertThat(found.attempts().get(1)).isEqualTo(new Attempt(2, 200, "delivered", 120, AT.plusSeconds(31),
                    null));
        });
    }

    @Test
    void aRedrivenNotificationIsDispatchedAgainAndNoLongerSaysWhy() {
        dispatch(ID, WEBHOOK, AT);
        projection.on(new NotificationDeliveryFailed(ID, WEBHOOK, 1, 404, "gone", 3, null), AT.plusSeconds(1));
        projection.on(new NotificationAbandoned(ID, WEBHOOK, 1, "gone"), AT.plusSeconds(1));
        projection.on(new NotificationRedriven(ID, WEBHOOK, "100000001", STREAM, NotificationOptions.defaults(),
                NotificationReason.WENT_LIVE, 1), AT.plusSeconds(600));
        assertThat(delivery()).satisfies(found -> {
            assertThat(found.state()).isEqualTo("DISPATCHED");
            assertThat(found.why()).isNull();
            assertThat(found.updatedAt()).isEqualTo(AT.plusSeconds(600));
            assertThat(found.attempts()).hasSize(1);
        });
    }

    @Test
    void whatBecameOfTheMessageIsShownOnceTheStreamEnded() {
        dispatch(ID, WEBHOOK, AT);
        projection.on(new NotificationDelivered(ID, WEBHOOK, 1, "1300000000000000001", 120), AT.plusSeconds(1));
        assertThat(delivery().ended()).isNull();
        projection.on(new NotificationEnded(ID, WEBHOOK, WhenOffline.EDIT, 200, "Message edited"),
                AT.plusSeconds(3600));
        assertThat(delivery()).satisfies(found -> {
            assertThat(found.ended()).isEqualTo("Message edited");
            assertThat(found.state()).isEqualTo("DELIVERED");
            assertThat(found.updatedAt()).isEqualTo(AT.plusSeconds(3600));
        });
    }

    @Test
    void aWebhooksNotificationsAreListedNewestFirstUpToTheLimit() {
        NotificationId first = new NotificationId("first");
        NotificationId second = new NotificationId("second");
        NotificationId third = new NotificationId("third");
        dispatch(second, WEBHOOK, AT.plusSeconds(10));
        dispatch(first, WEBHOOK, AT);
        dispatch(third, WEBHOOK, AT.plusSeconds(20));
        dispatch(new NotificationId("elsewhere"), OTHER, AT.plusSeconds(30));
        assertThat(projection.handle(new FindDeliveries(WEBHOOK, 2))).extracting(DeliveryView::notificationId)
                .containsExactly(third, second);
        assertThat(projection.handle(new FindDeliveries(WEBHOOK, 10))).extracting(DeliveryView::notificationId)
                .containsExactly(third, second, first);
    }

    @Test
    void aDeletedWebhooksLogIsGoneAndOthersStay() {
        dispatch(ID, WEBHOOK, AT);
        projection.on(new NotificationDelivered(ID, WEBHOOK, 1, "1300000000000000001", 120), AT.plusSeconds(1));
        dispatch(new NotificationId("elsewhere"), OTHER, AT);
        projection.on(new WebhookDeleted(WEBHOOK, new AccountId("ada"), SecretId.random()));
        assertThat(projection.handle(new FindDeliveries(WEBHOOK, 10))).isEmpty();
        assertThat(projection.handle(new FindDeliveries(OTHER, 10))).hasSize(1);
    }


    @Test
    void anAttemptHandedAgainAfterTheWebhooksDeletionAddsNothing() {
        dispatch(ID, WEBHOOK, AT);
        NotificationDelivered delivered = new NotificationDelivered(ID, WEBHOOK, 1, "1300000000000000001", 120);
        projection.on(delivered, AT.plusSeconds(1));
        projection.on(new WebhookDeleted(WEBHOOK, new AccountId("ada"), SecretId.random()));
        projection.on(delivered, AT.plusSeconds(1));
        assertThat(projection.handle(new FindDeliveries(WEBHOOK, 10))).isEmpty();
    }

    @Test
    void eachEventAppliedTwiceChangesNothing() {
        dispatch(ID, WEBHOOK, AT);
        dispatch(ID, WEBHOOK, AT.plusSeconds(5));
        NotificationDeliveryFailed failed = new NotificationDeliveryFailed(ID, WEBHOOK, 1, 503,
                "Discord answered 503", 40, AT.plusSeconds(30));
        projection.on(failed, AT.plusSeconds(1));
        projection.on(failed, AT.plusSeconds(1));
        assertThat(delivery()).satisfies(found -> {
            assertThat(found.createdAt()).isEqualTo(AT);
            assertThat(found.state()).isEqualTo("RETRYING");
            assertThat(found.attempts()).singleElement()
                    .satisfies(attempt -> assertThat(attempt.at()).isEqualTo(AT.plusSeconds(1)));
        });
    }

    @Test
    void theLogPagesBackFromAnEntryAndFiltersByState() {
        for (int i = 0; i < 5; i++) {
            dispatch(new NotificationId("n-" + i), WEBHOOK, AT.plusSeconds(i));
        }
        projection.on(new NotificationDelivered(new NotificationId("n-3"), WEBHOOK, 1, "1300000000000000003", 90),
                AT.plusSeconds(10));
        projection.on(new NotificationDelivered(new NotificationId("n-1"), WEBHOOK, 1, "1300000000000000001", 90),
                AT.plusSeconds(10));

        List<DeliveryView> first = projection.handle(new FindDeliveries(WEBHOOK, 2));
        assertThat(first).extracting(view -> view.notificationId().value()).containsExactly("n-4", "n-3");
        DeliveryView last = first.get(1);
        assertThat(projection.handle(new FindDeliveries(WEBHOOK, 2, null,
                new FindDeliveries.Before(last.createdAt(), last.notificationId().value()))))
                .extracting(view -> view.notificationId().value()).containsExactly("n-2", "n-1");
        assertThat(projection.handle(new FindDeliveries(WEBHOOK, 10, "DELIVERED", null)))
                .extracting(view -> view.notificationId().value()).containsExactly("n-3", "n-1");
        assertThat(projection.handle(new FindDeliveries(WEBHOOK, 10, "DELIVERED",
                new FindDeliveries.Before(AT.plusSeconds(3), "n-3"))))
                .extracting(view -> view.notificationId().value()).containsExactly("n-1");
    }
}
