package dev.stagehand.command.notification;

import dev.stagehand.api.account.AccountId;
import dev.stagehand.api.common.Conflict;
import dev.stagehand.api.common.NotFound;
import dev.stagehand.api.common.RuleViolation;
import dev.stagehand.api.common.SecretId;
import dev.stagehand.api.notification.ChangeSubscriptionOptions;
import dev.stagehand.api.notification.DeleteWebhook;
import dev.stagehand.api.notification.DisableWebhook;
import dev.stagehand.api.notification.NotificationOptions;
import dev.stagehand.api.notification.NotificationOptions.WhenOffline;
import dev.stagehand.api.notification.RegisterWebhook;
import dev.stagehand.api.notification.SubscribeWebhook;
import dev.stagehand.api.notification.SubscriptionOptionsChanged;
import dev.stagehand.api.notification.UnsubscribeWebhook;
import dev.stagehand.api.notification.UpdateWebhook;
import dev.stagehand.api.notification.WatchTarget;
import dev.stagehand.api.notification.WebhookDeleted;
import dev.stagehand.api.notification.WebhookDisabled;
import dev.stagehand.api.notification.WebhookId;
import dev.stagehand.api.notification.WebhookRegistered;
import dev.stagehand.api.notification.WebhookSubscribed;
import dev.stagehand.api.notification.WebhookSubscriptionId;
import dev.stagehand.api.notification.WebhookUnsubscribed;
import dev.stagehand.api.notification.WebhookUpdated;
import java.util.List;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class WebhookTest {

    private static final WebhookId ID = new WebhookId("5a0c0f00-0000-4000-8000-000000000001");
    private static final AccountId OWNER = new AccountId("owner");
    private static final AccountId STRANGER = new AccountId("stranger");
    private static final SecretId URL = new SecretId("5a0c0f00-0000-4000-8000-0000000000a1");
    private static final SecretId NEW_URL = new SecretId("5a0c0f00-0000-4000-8000-0000000000a2");
    private static final String MASKED = "https://discord.com/api/webhooks/1180/••••";
    private static final WebhookSubscriptionId SUBSCRIPTION =
            new WebhookSubscriptionId("5a0c0f00-0000-4000-8000-0000000000b1");
    private static final WatchTarget PANDA = new WatchTarget(WatchTarget.Kind.STREAMER, "100001", "PixelPanda");
    private static final WebhookRegistered REGISTERED = new WebhookRegistered(ID, OWNER, "Announcements", URL, MASKED);
    private static final NotificationOptions DEFAULTS = NotificationOptions.defaults();

    private AggregateTestFixture<Webhook> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Webhook.class);
    }

    private static NotificationOptions options(String template, List<String> roles, List<String> languages) {
        return new NotificationOptions(template, roles, languages, List.of(), false, null);
    }

    @Test
    void registersAWebhookUnderATrimmedName() {
        fixture.givenNoPriorActivity()
               .when(new RegisterWebhook(ID, OWNER, "  Announcements ", URL, MASKED))
               .expectEvents(REGISTERED);
        fixture.givenNoPriorActivity()
               .when(new RegisterWebhook(ID, OWNER, " ", URL, MASKED))
               .expectException(RuleViolation.class)
               .expectExceptionMessage("A webhook needs a name");
    }

    @Test
    void aNewUrlReplacesTheOldSecretAndEnablesTheWebhookAgain() {
        fixture.given(REGISTERED, new WebhookDisabled(ID, "Discord deleted this webhook"))
               .when(new UpdateWebhook(ID, OWNER, "Announcements", NEW_URL, "https://discord.com/api/webhooks/2/••••"))
               .expectEvents(new WebhookUpdated(ID, "Announcements", NEW_URL,
                       "https://discord.com/api/webhooks/2/••••", URL));
        fixture.given(REGISTERED)
               .when(new UpdateWebhook(ID, OWNER, "Go-live pings", null, null))
               .expectEvents(new WebhookUpdated(ID, "Go-live pings", URL, null, null));
        fixture.given(REGISTERED)
               .when(new UpdateWebhook(ID, OWNER, "Announcements", null, null))
               .expectNoEvents();
    }

    @Test
    void anotherAccountCannotTellTheWebhookExists() {
        fixture.given(REGISTERED)
               .when(new UpdateWebhook(ID, STRANGER, "Mine now", null, null))
               .expectException(NotFound.class);
        fixture.given(REGISTERED)
               .when(new DeleteWebhook(ID, STRANGER))
               .expectException(NotFound.class);
        fixture.given(REGISTERED)
               .when(new SubscribeWebhook(ID, STRANGER, SUBSCRIPTION, PANDA, DEFAULTS))
               .expectException(NotFound.class);
    }

    @Test
    void deletingNamesTheSecretToErase() {
        fixture.given(REGISTERED)
               .when(new DeleteWebhook(ID, OWNER))
               .expectEvents(new WebhookDeleted(ID, OWNER, URL))
               .expectMarkedDeleted();
    }

    @Test
    void isDisabledOnce() {
        fixture.given(REGISTERED)
               .when(new DisableWebhook(ID, "Discord deleted this webhook"))
               .expectEvents(new WebhookDisabled(ID, "Discord deleted this webhook"));
        fixture.given(REGISTERED, new WebhookDisabled(ID, "Discord deleted this webhook"))
               .when(new DisableWebhook(ID, "Discord deleted this webhook"))
               .expectNoEvents();
    }

    @Test
    void subscribesWithValidatedOptionsAndOnlyOncePerTarget() {
        fixture.given(REGISTERED)
               .when(new SubscribeWebhook(ID, OWNER, SUBSCRIPTION, PANDA,
                       options(" {{streamer}} is live! ", List.of("112233445566778899"), List.of("EN", "de"))))
               .expectEvents(new WebhookSubscribed(ID, SUBSCRIPTION, PANDA,
                       new NotificationOptions("{{streamer}} is live!", List.of("112233445566778899"),
                               List.of("en", "de"), List.of(), false, WhenOffline.EDIT)));
        fixture.given(REGISTERED, new WebhookSubscribed(ID, SUBSCRIPTION, PANDA, DEFAULTS))
               .when(new SubscribeWebhook(ID, OWNER, new WebhookSubscriptionId("5a0c0f00-0000-4000-8000-0000000000b2"),
                       PANDA, DEFAULTS))
               .expectException(Conflict.class)
               .expectExceptionMessage("This webhook is already subscribed to PixelPanda");
    }

    @Test
    void refusesBadOptionsWithAClearReason() {
        fixture.given(REGISTERED)
               .when(new SubscribeWebhook(ID, OWNER, SUBSCRIPTION, PANDA, options("{{password}}", null, null)))
               .expectException(RuleViolation.class)
               .expectExceptionMessage("The template has an unknown placeholder {{password}}; known ones: game, "
                       + "login, streamer, thumbnail, title, url, viewers");
        fixture.given(REGISTERED)
               .when(new SubscribeWebhook(ID, OWNER, SUBSCRIPTION, PANDA, options("", List.of("@everyone"), null)))
               .expectException(RuleViolation.class)
               .expectExceptionMessage("'@everyone' is not a Discord role id (17 to 20 digits; in Discord, "
                       + "right-click the role and copy its id)");
        fixture.given(REGISTERED)
               .when(new SubscribeWebhook(ID, OWNER, SUBSCRIPTION, PANDA, options("", null, List.of("english"))))
               .expectException(RuleViolation.class)
               .expectExceptionMessage("'english' is not a two-letter language code such as en or de");
        fixture.given(REGISTERED)
               .when(new SubscribeWebhook(ID, OWNER, SUBSCRIPTION, PANDA, options("x".repeat(2001), null, null)))
               .expectException(RuleViolation.class)
               .expectExceptionMessage("The message template can have at most 2000 characters");
    }

    @Test
    void unsubscribesOnlyWhatExists() {
        fixture.given(REGISTERED, new WebhookSubscribed(ID, SUBSCRIPTION, PANDA, DEFAULTS))
               .when(new UnsubscribeWebhook(ID, OWNER, SUBSCRIPTION))
               .expectEvents(new WebhookUnsubscribed(ID, SUBSCRIPTION));
        fixture.given(REGISTERED)
               .when(new UnsubscribeWebhook(ID, OWNER, SUBSCRIPTION))
               .expectException(NotFound.class);
    }

    @Test
    void aSubscriptionsOptionsChangeInPlaceValidated() {
        fixture.given(REGISTERED, new WebhookSubscribed(ID, SUBSCRIPTION, PANDA, DEFAULTS))
               .when(new ChangeSubscriptionOptions(ID, OWNER, SUBSCRIPTION, options(" Live: {{title}} ", null,
                       List.of("DE"))))
               .expectEvents(new SubscriptionOptionsChanged(ID, SUBSCRIPTION, new NotificationOptions(
                       "Live: {{title}}", List.of(), List.of("de"), List.of(), false, WhenOffline.EDIT)));
        fixture.given(REGISTERED, new WebhookSubscribed(ID, SUBSCRIPTION, PANDA, DEFAULTS))
               .when(new ChangeSubscriptionOptions(ID, OWNER, SUBSCRIPTION, DEFAULTS))
               .expectSuccessfulHandlerExecution()
               .expectNoEvents();
        fixture.given(REGISTERED, new WebhookSubscribed(ID, SUBSCRIPTION, PANDA, DEFAULTS))
               .when(new ChangeSubscriptionOptions(ID, OWNER, SUBSCRIPTION, options("{{password}}", null, null)))
               .expectException(RuleViolation.class);
    }

    @Test
    void onlyTheOwnerChangesOptionsOfASubscriptionThatExists() {
        fixture.given(REGISTERED, new WebhookSubscribed(ID, SUBSCRIPTION, PANDA, DEFAULTS))
               .when(new ChangeSubscriptionOptions(ID, STRANGER, SUBSCRIPTION, DEFAULTS))
               .expectException(NotFound.class);
        fixture.given(REGISTERED, new WebhookSubscribed(ID, SUBSCRIPTION, PANDA, DEFAULTS),
                       new WebhookUnsubscribed(ID, SUBSCRIPTION))
               .when(new ChangeSubscriptionOptions(ID, OWNER, SUBSCRIPTION, DEFAULTS))
               .expectException(NotFound.class)
               .expectExceptionMessage("This webhook has no subscription " + SUBSCRIPTION + ".");
    }
}
