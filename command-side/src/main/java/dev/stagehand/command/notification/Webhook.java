package dev.stagehand.command.notification;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;
import static org.axonframework.modelling.command.AggregateLifecycle.markDeleted;

import dev.stagehand.api.account.AccountId;
import dev.stagehand.api.common.Conflict;
import dev.stagehand.api.common.NotFound;
import dev.stagehand.api.common.RuleViolation;
import dev.stagehand.api.common.SecretId;
import dev.stagehand.api.notification.ChangeSubscriptionOptions;
import dev.stagehand.api.notification.DeleteWebhook;
import dev.stagehand.api.notification.DisableWebhook;
import dev.stagehand.api.notification.NotificationOptions;
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
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * One Discord webhook of one account, and what it is subscribed to. Only its owner can change it; Stagehand disables
 * it when Discord says it is gone, and a new URL enables it again.
 */
@Aggregate
class Webhook {

    static final int MAX_NAME = 64;
    static final int MAX_SUBSCRIPTIONS = 50;

    @AggregateIdentifier
    private WebhookId webhookId;
    private AccountId owner;
    private String name;
    private SecretId url;
    private boolean disabled;
    private final Map<WebhookSubscriptionId, WatchTarget> subscriptions = new HashMap<>();
    private final Map<WebhookSubscriptionId, NotificationOptions> options = new HashMap<>();

    Webhook() {
        // for Axon, which rebuilds the webhook from its events
    }

    @CommandHandler
    Webhook(RegisterWebhook command) {
        apply(new WebhookRegistered(command.webhookId(), command.owner(), named(command.name()),
                Objects.requireNonNull(command.url(), "url"), command.maskedUrl()));
    }

    @CommandHandler
    void handle(UpdateWebhook command) {
        ownedBy(command.owner());
        String newName = named(command.name());
        if (command.url() != null || !newName.equals(name)) {
            apply(new WebhookUpdated(webhookId, newName, command.url() == null ? url : command.url(),
                    command.url() == null ? null : command.maskedUrl(), command.url() == null ? null : url));
        }
    }

    @CommandHandler
    void handle(DeleteWebhook command) {
        ownedBy(command.owner());
        apply(new WebhookDeleted(webhookId, owner, url));
    }

    @CommandHandler
    void handle(DisableWebhook command) {
        if (!disabled) {
            apply(new WebhookDisabled(webhookId, command.reason()));
        }
    }

    @CommandHandler
    void handle(SubscribeWebhook command) {
        ownedBy(command.owner());
        WatchTarget target = command.target();
        if (subscriptions.containsValue(target)) {
            throw new Conflict("This webhook is already subscribed to " + target.name());
        }
        if (subscriptions.size() >= MAX_SUBSCRIPTIONS) {
            throw new RuleViolation("A webhook can have at most " + MAX_SUBSCRIPTIONS + " subscriptions");
        }
        apply(new WebhookSubscribed(webhookId, command.subscriptionId(), target, command.options().validated()));
    }

    @CommandHandler
    void handle(UnsubscribeWebhook command) {
        ownedBy(command.owner());
        if (!subscriptions.containsKey(command.subscriptionId())) {
            throw new NotFound("This webhook has no subscription " + command.subscriptionId() + ".");
        }
        apply(new WebhookUnsubscribed(webhookId, command.subscriptionId()));
    }

    @CommandHandler
    void handle(ChangeSubscriptionOptions command) {
        ownedBy(command.owner());
        if (!subscriptions.containsKey(command.subscriptionId())) {
            throw new NotFound("This webhook has no subscription " + command.subscriptionId() + ".");
        }
        NotificationOptions validated = command.options().validated();
        if (!validated.equals(options.get(command.subscriptionId()))) {
            apply(new SubscriptionOptionsChanged(webhookId, command.subscriptionId(), validated));
        }
    }

    /** Someone else's webhook answers as a missing one: its existence is not theirs to learn. */
    private void ownedBy(AccountId account) {
        if (!owner.equals(account)) {
            throw new NotFound("No webhook has the id " + webhookId + ".");
        }
    }

    private static String named(String name) {
        String trimmed = name == null ? "" : name.strip();
        if (trimmed.isEmpty()) {
            throw new RuleViolation("A webhook needs a name");
        }
        if (trimmed.codePointCount(0, trimmed.length()) > MAX_NAME) {
            throw new RuleViolation("A webhook name can have at most " + MAX_NAME + " characters");
        }
        return trimmed;
    }

    @EventSourcingHandler
    void on(WebhookRegistered event) {
        webhookId = event.webhookId();
        owner = event.owner();
        name = event.name();
        url = event.url();
    }

    @EventSourcingHandler
    void on(WebhookUpdated event) {
        name = event.name();
        if (event.previousUrl() != null) {
            url = event.url();
            disabled = false;
        }
    }

    @EventSourcingHandler
    void on(WebhookDisabled event) {
        disabled = true;
    }

    @EventSourcingHandler
    void on(WebhookSubscribed event) {
        subscriptions.put(event.subscriptionId(), event.target());
        options.put(event.subscriptionId(), event.options());
    }

    @EventSourcingHandler
    void on(SubscriptionOptionsChanged event) {
        options.put(event.subscriptionId(), event.options());
    }

    @EventSourcingHandler
    void on(WebhookUnsubscribed event) {
        subscriptions.remove(event.subscriptionId());
        options.remove(event.subscriptionId());
    }

    @EventSourcingHandler
    void on(WebhookDeleted event) {
        markDeleted();
    }
}
