package dev.stagehand.command.notification;

import dev.stagehand.api.common.NotFound;
import dev.stagehand.api.common.RuleViolation;
import dev.stagehand.api.notification.DispatchNotification;
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
import dev.stagehand.api.notification.RecordNotificationDelivered;
import dev.stagehand.api.notification.RecordNotificationDeliveryFailed;
import dev.stagehand.api.notification.RecordNotificationEnded;
import dev.stagehand.api.notification.RedriveNotification;
import dev.stagehand.api.notification.SkipNotification;
import dev.stagehand.api.notification.WebhookId;
import dev.stagehand.api.notification.WebhookSubscriptionId;
import dev.stagehand.api.stream.StreamInfo;
import java.time.Instant;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class NotificationTest {

    private static final WebhookId WEBHOOK = new WebhookId("5a0c0f00-0000-4000-8000-000000000001");
    private static final WebhookSubscriptionId SUBSCRIPTION =
            new WebhookSubscriptionId("5a0c0f00-0000-4000-8000-0000000000b1");
    private static final StreamInfo STREAM = new StreamInfo("s1", "pixelpanda", "PixelPanda", "509658",
            "Just Chatting", "Morning coffee", "en", 120, null, Instant.parse("2026-12-02T18:00:00Z"));
    private static final NotificationId ID =
            NotificationId.of("s1", SUBSCRIPTION, NotificationReason.WENT_LIVE, "509658");
    private static final NotificationDispatched DISPATCHED = new NotificationDispatched(ID, WEBHOOK, SUBSCRIPTION,
            "100001", STREAM, NotificationOptions.defaults(), NotificationReason.WENT_LIVE);
    private static final Instant NEXT = Instant.parse("2026-12-02T18:00:05Z");

    private AggregateTestFixture<Notification> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Notification.class);
    }

    private static DispatchNotification dispatch() {
        return new DispatchNotification(ID, WEBHOOK, SUBSCRIPTION, "100001", STREAM, NotificationOptions.defaults(),
                NotificationReason.WENT_LIVE);
    }

    @Test
    void isDispatchedOnceWhateverSeesTheStreamAgain() {
        fixture.givenNoPriorActivity().when(dispatch()).expectEvents(DISPATCHED);
        fixture.given(DISPATCHED).when(dispatch()).expectNoEvents();
        fixture.given(new NotificationSkipped(ID, WEBHOOK, SUBSCRIPTION, "100001", STREAM,
                        NotificationReason.WENT_LIVE, "filtered"))
               .when(dispatch()).expectNoEvents();
    }

    @Test
    void aSkipRecordsWhy() {
        fixture.givenNoPriorActivity()
               .when(new SkipNotification(ID, WEBHOOK, SUBSCRIPTION, "100001", STREAM, NotificationReason.WENT_LIVE,
                       "The title has none of the keywords speedrun"))
               .expectEvents(new NotificationSkipped(ID, WEBHOOK, SUBSCRIPTION, "100001", STREAM,
                       NotificationReason.WENT_LIVE, "The title has none of the keywords speedrun"));
    }

    @Test
    void failuresAreLoggedAndTheLastOneAbandonsIt() {
        fixture.given(DISPATCHED)
               .when(new RecordNotificationDeliveryFailed(ID, 1, 503, "Discord answered 503", 40, NEXT))
               .expectEvents(new NotificationDeliveryFailed(ID, WEBHOOK, 1, 503, "Discord answered 503", 40, NEXT));
        fixture.given(DISPATCHED)
               .when(new RecordNotificationDeliveryFailed(ID, 8, 503, "Discord answered 503", 40, null))
               .expectEvents(new NotificationDeliveryFailed(ID, WEBHOOK, 8, 503, "Discord answered 503", 40, null),
                       new NotificationAbandoned(ID, WEBHOOK, 8, "Discord answered 503"));
    }

    @Test
    void whatBecameOfTheMessageIsRecordedOnceAndOnlyForADeliveredOne() {
        NotificationDelivered delivered = new NotificationDelivered(ID, WEBHOOK, 1, "m1", 35);
        RecordNotificationEnded ended = new RecordNotificationEnded(ID, WhenOffline.EDIT, 200, "Message edited");
        fixture.given(DISPATCHED, delivered)
               .when(ended)
               .expectEvents(new NotificationEnded(ID, WEBHOOK, WhenOffline.EDIT, 200, "Message edited"));
        fixture.given(DISPATCHED, delivered, new NotificationEnded(ID, WEBHOOK, WhenOffline.EDIT, 200, "x"))
               .when(ended)
               .expectNoEvents();
        fixture.given(DISPATCHED)
               .when(ended)
               .expectNoEvents();
    }

    @Test
    void onlyAnAbandonedNotificationOfThatWebhookCanBeRedriven() {
        NotificationDeliveryFailed lastFailure =
                new NotificationDeliveryFailed(ID, WEBHOOK, 8, 404, "gone", 3, null);
        fixture.given(DISPATCHED, lastFailure, new NotificationAbandoned(ID, WEBHOOK, 8, "gone"))
               .when(new RedriveNotification(ID, WEBHOOK))
               .expectEvents(new NotificationRedriven(ID, WEBHOOK, "100001", STREAM, NotificationOptions.defaults(),
                       NotificationReason.WENT_LIVE, 8));
        fixture.given(DISPATCHED, lastFailure, new NotificationAbandoned(ID, WEBHOOK, 8, "gone"))
               .when(new RedriveNotification(ID, new WebhookId("5a0c0f00-0000-4000-8000-000000000002")))
               .expectException(NotFound.class);
        fixture.given(DISPATCHED)
               .when(new RedriveNotification(ID, WEBHOOK))
               .expectException(RuleViolation.class)
               .expectExceptionMessage("Only an abandoned notification can be tried again");
    }

    @Test
    void onceDeliveredLateReportsChangeNothing() {
        fixture.given(DISPATCHED)
               .when(new RecordNotificationDelivered(ID, 1, "m1", 35))
               .expectEvents(new NotificationDelivered(ID, WEBHOOK, 1, "m1", 35));
        fixture.given(DISPATCHED, new NotificationDelivered(ID, WEBHOOK, 1, "m1", 35))
               .when(new RecordNotificationDelivered(ID, 1, "m1", 35))
               .expectNoEvents();
        fixture.given(DISPATCHED, new NotificationDelivered(ID, WEBHOOK, 1, "m1", 35))
               .when(new RecordNotificationDeliveryFailed(ID, 2, 500, "late", 1, null))
               .expectNoEvents();
    }
}
