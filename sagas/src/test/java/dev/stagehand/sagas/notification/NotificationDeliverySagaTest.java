package dev.stagehand.sagas.notification;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stagehand.api.notification.DisableWebhook;
import dev.stagehand.api.notification.NotificationAbandoned;
import dev.stagehand.api.notification.NotificationDelivered;
import dev.stagehand.api.notification.NotificationDispatched;
import dev.stagehand.api.notification.NotificationId;
import dev.stagehand.api.notification.NotificationOptions;
import dev.stagehand.api.notification.NotificationOptions.WhenOffline;
import dev.stagehand.api.notification.NotificationReason;
import dev.stagehand.api.notification.NotificationRedriven;
import dev.stagehand.api.notification.RecordNotificationDelivered;
import dev.stagehand.api.notification.RecordNotificationDeliveryFailed;
import dev.stagehand.api.notification.RecordNotificationEnded;
import dev.stagehand.api.notification.WebhookId;
import dev.stagehand.api.notification.WebhookSubscriptionId;
import dev.stagehand.api.stream.StreamInfo;
import dev.stagehand.api.stream.StreamResumed;
import dev.stagehand.api.stream.StreamSource;
import dev.stagehand.api.stream.StreamWentOffline;
import dev.stagehand.sagas.stream.StreamProperties;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.axonframework.test.matchers.Matchers;
import org.axonframework.test.saga.SagaTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class NotificationDeliverySagaTest {

    private static final WebhookId WEBHOOK = new WebhookId("5a0c0f00-0000-4000-8000-000000000001");
    private static final WebhookSubscriptionId SUBSCRIPTION =
            new WebhookSubscriptionId("5a0c0f00-0000-4000-8000-0000000000b1");
    private static final NotificationId ID = new NotificationId("s1-" + SUBSCRIPTION.value());
    private static final String URL = "https://discord.com/api/webhooks/1180/token";
    private static final StreamInfo STREAM = new StreamInfo("s1", "pixelpanda", "PixelPanda", "509658",
            "Just Chatting", "Morning coffee", "en", 120, "https://thumb/{width}x{height}.jpg",
            Instant.parse("2026-12-02T18:00:00Z"));
    private static final NotificationDispatched DISPATCHED = new NotificationDispatched(ID, WEBHOOK, SUBSCRIPTION,
            "100001", STREAM, NotificationOptions.defaults(), NotificationReason.WENT_LIVE);
    private static final Duration SOON = Duration.ofMillis(1);
    private static final Duration GRACE = Duration.ofMinutes(5);
    private static final NotificationDelivered DELIVERED = new NotificationDelivered(ID, WEBHOOK, 1, "m1", 5);
    private static final Instant ENDED = Instant.parse("2026-12-02T20:05:00Z");
    private static final StreamWentOffline OFFLINE =
            new StreamWentOffline("100001", STREAM, ENDED, StreamSource.POLLING);

    /** Discord as the saga sees it: answers as scripted, and keeps what it was sent. */
    static class ScriptedDiscord implements DiscordWebhooks {
        final Deque<DeliveryOutcome> answers = new ArrayDeque<>();
        final List<Map<String, Object>> posted = new ArrayList<>();
        final List<String> changed = new ArrayList<>();

        @Override
        public DeliveryOutcome post(String url, Map<String, Object> message) {
            assertThat(url).isEqualTo(URL);
            posted.add(message);
            return answers.removeFirst();
        }

        @Override
        public DeliveryOutcome edit(String url, String messageId, Map<String, Object> message) {
            changed.add("edit " + messageId + " " + message);
            return new DeliveryOutcome(200, messageId, null, "done", 4);
        }

        @Override
        public DeliveryOutcome delete(String url, String messageId) {
            changed.add("delete " + messageId);
            return new DeliveryOutcome(204, null, null, "done", 4);
        }
    }

    private SagaTestFixture<NotificationDeliverySaga> fixture;
    private ScriptedDiscord discord;
    private Optional<WebhookTargets.Target> target;

    @BeforeEach
    void setUp() {
        fixture = new SagaTestFixture<>(NotificationDeliverySaga.class);
        discord = new ScriptedDiscord();
        target = Optional.of(new WebhookTargets.Target(URL, null));
        fixture.registerResource(discord);
        fixture.registerResource(new NotificationMetrics(new SimpleMeterRegistry()));
        fixture.registerResource((WebhookTargets) webhookId -> target);
        fixture.registerResource(new NotificationProperties(3, Duration.ofSeconds(2), Duration.ofMinutes(5)));
        fixture.registerResource(new StreamProperties(Duration.ofSeconds(60), GRACE, Duration.ofMinutes(5), null,
                Duration.ofMinutes(3)));
    }

    private static NotificationDispatched dispatchedWith(WhenOffline whenOffline) {
        return new NotificationDispatched(ID, WEBHOOK, SUBSCRIPTION, "100001", STREAM,
                new NotificationOptions("", List.of(), List.of(), List.of(), false, whenOffline),
                NotificationReason.WENT_LIVE);
    }

    private static DeliveryOutcome answer(int status) {
        return new DeliveryOutcome(status, status == 200 ? "m1" : null, null, "Discord answered " + status, 5);
    }

    @Test
    void aDispatchSchedulesItsFirstAttemptAtOnce() {
        fixture.givenNoPriorActivity()
               .whenPublishingA(DISPATCHED)
               .expectActiveSagas(1)
               .expectScheduledDeadlineWithName(Duration.ZERO, NotificationDeliverySaga.ATTEMPT)
               .expectNoDispatchedCommands();
    }

    @Test
    void aDispatchIsDeliveredAndTheMessageIdKept() {
        discord.answers.add(answer(200));
        fixture.givenAPublished(DISPATCHED)
               .whenTimeElapses(SOON)
               .expectDispatchedCommands(new RecordNotificationDelivered(ID, 1, "m1", 5));
        assertThat(discord.posted.get(0)).containsKey("embeds")
                .containsEntry("allowed_mentions", Map.of("parse", List.of(), "roles", List.of()));
    }

    @Test
    void aRateLimitIsRecordedWithTheTimeOfTheNextAttempt() throws Exception {
        discord.answers.add(new DeliveryOutcome(429, null, Duration.ofMillis(1500), "You are being rate limited.",
                3));
        fixture.givenAPublished(DISPATCHED)
               .whenTimeElapses(SOON)
               .expectDispatchedCommandsMatching(Matchers.payloadsMatching(Matchers.exactSequenceOf(
                       Matchers.predicate(command -> command instanceof RecordNotificationDeliveryFailed failed
                               && failed.status() == 429 && failed.attempt() == 1 && failed.nextAttemptAt() != null),
                       Matchers.andNoMore())));
    }

    @Test
    void aRateLimitedDeliveryWaitsForTheRetryAfter() throws Exception {
        discord.answers.add(new DeliveryOutcome(429, null, Duration.ofMillis(1500), "You are being rate limited.",
                3));
        discord.answers.add(answer(200));
        fixture.givenAPublished(DISPATCHED)
               .andThenTimeElapses(SOON)
               .whenTimeElapses(Duration.ofMillis(1400))
               .expectNoDispatchedCommands();
        assertThat(discord.posted).hasSize(1);
    }

    @Test
    void aRateLimitedDeliveryIsDeliveredWhenTheWaitIsOver() throws Exception {
        discord.answers.add(new DeliveryOutcome(429, null, Duration.ofMillis(1500), "You are being rate limited.",
                3));
        discord.answers.add(answer(200));
        fixture.givenAPublished(DISPATCHED)
               .andThenTimeElapses(SOON)
               .whenTimeElapses(Duration.ofMillis(1500))
               .expectDispatchedCommands(new RecordNotificationDelivered(ID, 2, "m1", 5));
    }

    @Test
    void serverErrorsAreRetriedWithGrowingWaitsAndThenGivenUp() throws Exception {
        discord.answers.addAll(List.of(answer(500), answer(502), answer(503)));
        fixture.givenAPublished(DISPATCHED)
               .andThenTimeElapses(SOON)
               .andThenTimeElapses(Duration.ofSeconds(3))
               .whenTimeElapses(Duration.ofSeconds(5))
               .expectDispatchedCommands(new RecordNotificationDeliveryFailed(ID, 3, 503, "Discord answered 503", 5,
                       null));
        assertThat(discord.posted).hasSize(3);
    }

    @Test
    void aServerErrorIsRetriedAfterAboutTwoSeconds() throws Exception {
        discord.answers.addAll(List.of(answer(500), answer(200)));
        fixture.givenAPublished(DISPATCHED)
               .andThenTimeElapses(SOON)
               .whenTimeElapses(Duration.ofMillis(2400))
               .expectDispatchedCommands(new RecordNotificationDelivered(ID, 2, "m1", 5));
    }

    @Test
    void aRedriveStartsANewRoundNumberedOnFromTheLastAttempt() throws Exception {
        discord.answers.add(answer(200));
        fixture.givenAPublished(new NotificationRedriven(ID, WEBHOOK, "100001", STREAM,
                       NotificationOptions.defaults(), NotificationReason.WENT_LIVE, 3))
               .whenTimeElapses(SOON)
               .expectDispatchedCommands(new RecordNotificationDelivered(ID, 4, "m1", 5));
    }

    @Test
    void aDeletedDiscordWebhookIsDisabledAndNotRetried() {
        discord.answers.add(answer(404));
        fixture.givenAPublished(DISPATCHED)
               .whenTimeElapses(SOON)
               .expectDispatchedCommands(new DisableWebhook(WEBHOOK, NotificationDeliverySaga.WEBHOOK_GONE),
                       new RecordNotificationDeliveryFailed(ID, 1, 404, NotificationDeliverySaga.WEBHOOK_GONE, 5,
                               null))
               .expectNoScheduledDeadlines();
    }

    @Test
    void anInvalidRequestIsNeverSentAgain() {
        discord.answers.add(new DeliveryOutcome(400, null, null, "Invalid Form Body", 5));
        fixture.givenAPublished(DISPATCHED)
               .whenTimeElapses(SOON)
               .expectDispatchedCommands(new RecordNotificationDeliveryFailed(ID, 1, 400, "Invalid Form Body", 5,
                       null))
               .expectNoScheduledDeadlines();
    }

    @Test
    void aWebhookDeletedMeanwhileIsNotPostedTo() {
        target = Optional.empty();
        fixture.givenAPublished(DISPATCHED)
               .whenTimeElapses(SOON)
               .expectDispatchedCommands(new RecordNotificationDeliveryFailed(ID, 1, 0, "The webhook was deleted", 0,
                       null));
        assertThat(discord.posted).isEmpty();
    }

    @Test
    void aWebhookDisabledMeanwhileIsNotPostedTo() {
        target = Optional.of(new WebhookTargets.Target(URL, "gone"));
        fixture.givenAPublished(DISPATCHED)
               .whenTimeElapses(SOON)
               .expectDispatchedCommands(new RecordNotificationDeliveryFailed(ID, 1, 0,
                       "The webhook is disabled: gone", 0, null));
        assertThat(discord.posted).isEmpty();
    }

    @Test
    void aMessageToKeepEndsTheSagaWhenDelivered() {
        fixture.givenAPublished(dispatchedWith(WhenOffline.KEEP))
               .whenPublishingA(DELIVERED)
               .expectActiveSagas(0);
    }

    @Test
    void whenTheStreamEndsForGoodTheMessageIsEditedToSayHowLongItLasted() throws Exception {
        discord.answers.add(answer(200));
        fixture.givenAPublished(DISPATCHED)
               .andThenTimeElapses(SOON)
               .andThenAPublished(DELIVERED)
               .andThenAPublished(OFFLINE)
               .whenTimeElapses(GRACE.plusSeconds(1))
               .expectDispatchedCommands(new RecordNotificationEnded(ID, WhenOffline.EDIT, 200,
                       "Message edited when the stream ended (it lasted 2 h 05 min)"))
               .expectActiveSagas(0);
        assertThat(discord.changed).singleElement().asString().startsWith("edit m1 ")
                .contains("PixelPanda was live on Twitch", "2 h 05 min");
    }

    @Test
    void aStreamBackWithinTheGraceKeepsItsMessage() throws Exception {
        discord.answers.add(answer(200));
        fixture.givenAPublished(DISPATCHED)
               .andThenTimeElapses(SOON)
               .andThenAPublished(DELIVERED)
               .andThenAPublished(OFFLINE)
               .andThenAPublished(new StreamResumed("100001", STREAM, StreamSource.POLLING))
               .whenTimeElapses(GRACE.plusSeconds(1))
               .expectNoDispatchedCommands()
               .expectActiveSagas(1);
        assertThat(discord.changed).isEmpty();
    }

    @Test
    void aMessageDiscordTookWithoutAnIdSaysWhenTheStreamEndsWhyItWasNotEdited() throws Exception {
        discord.answers.add(answer(200));
        fixture.givenAPublished(DISPATCHED)
               .andThenTimeElapses(SOON)
               .andThenAPublished(new NotificationDelivered(ID, WEBHOOK, 1, null, 5))
               .andThenAPublished(OFFLINE)
               .whenTimeElapses(GRACE.plusSeconds(1))
               .expectDispatchedCommands(new RecordNotificationEnded(ID, WhenOffline.EDIT, 0,
                       "The message could not be edited: Discord accepted it without giving its id, so there is no "
                               + "message to change"))
               .expectActiveSagas(0);
        assertThat(discord.changed).isEmpty();
    }

    @Test
    void aMessageToDeleteIsDeletedWhenTheStreamEnds() throws Exception {
        discord.answers.add(answer(200));
        fixture.givenAPublished(dispatchedWith(WhenOffline.DELETE))
               .andThenTimeElapses(SOON)
               .andThenAPublished(DELIVERED)
               .andThenAPublished(OFFLINE)
               .whenTimeElapses(GRACE.plusSeconds(1))
               .expectDispatchedCommands(new RecordNotificationEnded(ID, WhenOffline.DELETE, 204,
                       "Message deleted when the stream ended (it lasted 2 h 05 min)"));
        assertThat(discord.changed).containsExactly("delete m1");
    }

    @Test
    void endsWhenAbandoned() {
        fixture.givenAPublished(DISPATCHED)
               .whenPublishingA(new NotificationAbandoned(ID, WEBHOOK, 3, "Discord answered 503"))
               .expectActiveSagas(0);
    }
}
