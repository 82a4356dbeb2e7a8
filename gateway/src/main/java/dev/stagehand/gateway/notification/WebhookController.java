package dev.stagehand.gateway.notification;

import dev.stagehand.api.common.Conflict;
import dev.stagehand.api.common.RuleViolation;
import dev.stagehand.api.notification.ChangeSubscriptionOptions;
import dev.stagehand.api.notification.DeliveryView;
import dev.stagehand.api.notification.FindDeliveries;
import dev.stagehand.api.notification.FindWebhook;
import dev.stagehand.api.notification.FindWebhooksOf;
import dev.stagehand.api.notification.NotificationId;
import dev.stagehand.api.notification.NotificationOptions;
import dev.stagehand.api.notification.RedriveNotification;
import dev.stagehand.api.notification.SubscribeWebhook;
import dev.stagehand.api.notification.UnsubscribeWebhook;
import dev.stagehand.api.notification.WebhookId;
import dev.stagehand.api.notification.WebhookSubscriptionId;
import dev.stagehand.api.notification.WebhookView;
import dev.stagehand.gateway.security.CurrentAccount;
import dev.stagehand.platform.axon.Queries;
import dev.stagehand.platform.axon.ReadModelWait;
import dev.stagehand.platform.problem.NotFoundException;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.net.URI;
import java.util.List;
import java.util.function.Predicate;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The logged-in account's Discord webhooks: register, rename or repoint, delete (their Discord side is
 * {@link WebhookRegistrations}'), subscribe each to streamers or games ({@link WatchTargets}), post a test message,
 * read the delivery log and redrive an abandoned notification.
 */
@RestController
@RequestMapping("/api/webhooks")
class WebhookController {

    static final int MAX_DELIVERIES = 200;
    static final List<String> DELIVERY_STATES = List.of("DISPATCHED", "RETRYING", "DELIVERED", "ABANDONED",
            "SKIPPED");

    private final Queries queries;
    private final ReadModelWait wait;
    private final CommandGateway commands;
    private final WebhookRegistrations registrations;
    private final WatchTargets targets;

    WebhookController(Queries queries, ReadModelWait wait, CommandGateway commands,
                      WebhookRegistrations registrations, WatchTargets targets) {
        this.queries = queries;
        this.wait = wait;
        this.commands = commands;
        this.registrations = registrations;
        this.targets = targets;
    }

    record RegisterRequest(@NotNull(message = "name is required") String name,
                           @NotNull(message = "url is required") String url) {
    }

    /** @param url optional: a new Discord webhook URL; left out, the webhook keeps its URL */
    record UpdateRequest(@NotNull(message = "name is required") String name, String url) {
    }

    /**
     * Exactly one of {@code streamer} (login or id) and {@code game} (exact name or id); options left out default to
     * the default embed, any language and title, the message edited when the stream ends.
     */
    record SubscribeRequest(String streamer, String game, Options options) {

        NotificationOptions notificationOptions() {
            return options == null ? NotificationOptions.defaults() : new NotificationOptions(options.template(), options.roleMentions(),
                    options.languages(), options.titleKeywords(), Boolean.TRUE.equals(options.announceGameChange()),
                    options.whenOffline());
        }
    }

    /** {@link NotificationOptions} with every field optional. */
    record Options(String template, List<String> roleMentions, List<String> languages, List<String> titleKeywords,
                   Boolean announceGameChange, NotificationOptions.WhenOffline whenOffline) {
    }

    @GetMapping
    Flux<WebhookResponse> mine(CurrentAccount me) {
        return queries.list(new FindWebhooksOf(me.id()), WebhookView.class)
                .flatMapIterable(list -> list)
                .map(WebhookResponse::of);
    }

    @GetMapping("/{webhookId}")
    Mono<WebhookResponse> one(CurrentAccount me, @PathVariable String webhookId) {
        return owned(me, webhookId).map(WebhookResponse::of);
    }

    @PostMapping
    Mono<ResponseEntity<WebhookResponse>> register(CurrentAccount me, @Valid @RequestBody RegisterRequest body) {
        return registrations.register(me.id(), body.name(), body.url())
                .map(view -> ResponseEntity.created(URI.create("/api/webhooks/" + view.webhookId()))
                        .body(WebhookResponse.of(view)));
    }

    @PutMapping("/{webhookId}")
    Mono<WebhookResponse> update(CurrentAccount me, @PathVariable String webhookId,
                                 @Valid @RequestBody UpdateRequest body) {
        return owned(me, webhookId)
                .flatMap(current -> registrations.update(me.id(), current, body.name(), body.url()))
                .map(WebhookResponse::of);
    }

    @DeleteMapping("/{webhookId}")
    Mono<ResponseEntity<Void>> delete(CurrentAccount me, @PathVariable String webhookId) {
        return owned(me, webhookId)
                .flatMap(current -> registrations.delete(me.id(), current))
                .thenReturn(ResponseEntity.noContent().build());
    }

    @PostMapping("/{webhookId}/subscriptions")
    Mono<ResponseEntity<WebhookResponse.SubscriptionResponse>> subscribe(CurrentAccount me, @PathVariable String webhookId,
                                                             @RequestBody SubscribeRequest body) {
        NotificationOptions options = body.notificationOptions().validated();
        WebhookSubscriptionId subscription = WebhookSubscriptionId.random();
        return owned(me, webhookId)
                .flatMap(current -> targets.resolve(body.streamer(), body.game()).flatMap(target -> changeAndAwait(
                        current.webhookId(),
                        new SubscribeWebhook(current.webhookId(), me.id(), subscription, target, options),
                        view -> view.subscriptions().stream()
                                .anyMatch(added -> added.subscriptionId().equals(subscription)))))
                .map(view -> view.subscriptions().stream()
                        .filter(added -> added.subscriptionId().equals(subscription)).findFirst().orElseThrow())
                .map(added -> ResponseEntity.created(URI.create("/api/webhooks/" + webhookId + "/subscriptions/"
                        + subscription)).body(WebhookResponse.SubscriptionResponse.of(added)));
    }

    /** @param options the subscription's new options, every field optional as when subscribing */
    record OptionsRequest(Options options) {
    }

    /** Changes how a subscription announces, in place: what it follows, and its deliveries, stay. */
    @PutMapping("/{webhookId}/subscriptions/{subscriptionId}")
    Mono<WebhookResponse.SubscriptionResponse> changeOptions(CurrentAccount me, @PathVariable String webhookId,
                                                             @PathVariable String subscriptionId,
                                                             @RequestBody OptionsRequest body) {
        NotificationOptions options = new SubscribeRequest(null, null, body.options()).notificationOptions()
                .validated();
        return owned(me, webhookId)
                .flatMap(current -> Mono.justOrEmpty(current.subscriptions().stream()
                        .filter(existing -> existing.subscriptionId().value().equals(subscriptionId)).findFirst()))
                .switchIfEmpty(Mono.error(() -> new NotFoundException("This webhook has no subscription "
                        + subscriptionId + ".")))
                .flatMap(existing -> changeAndAwait(new WebhookId(webhookId), new ChangeSubscriptionOptions(
                                new WebhookId(webhookId), me.id(), existing.subscriptionId(), options),
                        view -> view.subscriptions().stream().anyMatch(changed -> changed.subscriptionId()
                                .equals(existing.subscriptionId()) && changed.options().equals(options)))
                        .map(view -> view.subscriptions().stream()
                                .filter(changed -> changed.subscriptionId().equals(existing.subscriptionId()))
                                .findFirst().orElseThrow()))
                .map(WebhookResponse.SubscriptionResponse::of);
    }

    @DeleteMapping("/{webhookId}/subscriptions/{subscriptionId}")
    Mono<ResponseEntity<Void>> unsubscribe(CurrentAccount me, @PathVariable String webhookId,
                                           @PathVariable String subscriptionId) {
        return owned(me, webhookId)
                .flatMap(current -> Mono.justOrEmpty(current.subscriptions().stream()
                        .filter(existing -> existing.subscriptionId().value().equals(subscriptionId)).findFirst()))
                .switchIfEmpty(Mono.error(() -> new NotFoundException("This webhook has no subscription "
                        + subscriptionId + ".")))
                .flatMap(existing -> changeAndAwait(new WebhookId(webhookId),
                        new UnsubscribeWebhook(new WebhookId(webhookId), me.id(), existing.subscriptionId()),
                        view -> view.subscriptions().stream()
                                .noneMatch(left -> left.subscriptionId().equals(existing.subscriptionId()))))
                .thenReturn(ResponseEntity.noContent().build());
    }

    /**
     * The webhook's delivery log, newest first: every notification, skipped or sent, and each attempt. A page of
     * {@code limit} (1–200); {@code state} keeps one state; {@code before} (an entry's {@code cursor}) pages back.
     */
    @GetMapping("/{webhookId}/deliveries")
    Flux<DeliveryResponse> deliveries(CurrentAccount me, @PathVariable String webhookId,
                                      @RequestParam(defaultValue = "50") int limit,
                                      @RequestParam(required = false) String state,
                                      @RequestParam(required = false) String before) {
        if (limit < 1 || limit > MAX_DELIVERIES) {
            throw new RuleViolation("limit must be between 1 and " + MAX_DELIVERIES);
        }
        if (state != null && !DELIVERY_STATES.contains(state)) {
            throw new RuleViolation("state must be one of " + String.join(", ", DELIVERY_STATES));
        }
        FindDeliveries.Before from = DeliveryCursor.parse(before);
        return owned(me, webhookId)
                .flatMap(view -> queries.list(new FindDeliveries(view.webhookId(), limit, state, from),
                        DeliveryView.class))
                .flatMapIterable(list -> list)
                .map(DeliveryResponse::of);
    }

    /** Tries an abandoned notification again, once its owner has fixed the webhook. */
    @PostMapping("/{webhookId}/deliveries/{notificationId}/redrive")
    Mono<ResponseEntity<Void>> redrive(CurrentAccount me, @PathVariable String webhookId,
                                       @PathVariable String notificationId) {
        return owned(me, webhookId)
                .flatMap(view -> {
                    if (view.disabledReason() != null) {
                        return Mono.error(new Conflict("The webhook is disabled (" + view.disabledReason()
                                + "): give it a new URL first."));
                    }
                    return Mono.fromFuture(() -> commands.send(new RedriveNotification(
                            new NotificationId(notificationId), view.webhookId())));
                })
                .thenReturn(ResponseEntity.accepted().build());
    }

    /** @param messageId Discord's id of the test message */
    record TestResult(String messageId) {
    }

    /** Posts a sample announcement now, so its owner sees how it looks in Discord. */
    @PostMapping("/{webhookId}/test")
    Mono<TestResult> test(CurrentAccount me, @PathVariable String webhookId) {
        return owned(me, webhookId).flatMap(registrations::postTest).map(TestResult::new);
    }

    private Mono<WebhookView> changeAndAwait(WebhookId id, Object command, Predicate<WebhookView> changed) {
        return wait.sendAndAwaitView(command, new FindWebhook(id), WebhookView.class, changed);
    }

    /** The webhook if it is this account's; anyone else's, like a missing one, is 404. */
    private Mono<WebhookView> owned(CurrentAccount me, String webhookId) {
        NotFoundException missing = new NotFoundException("No webhook has the id " + webhookId + ".");
        WebhookId id;
        try {
            id = new WebhookId(webhookId);
        } catch (IllegalArgumentException notAnId) {
            return Mono.error(missing);
        }
        return queries.optional(new FindWebhook(id), WebhookView.class)
                .flatMap(Mono::justOrEmpty)
                .filter(view -> view.owner().equals(me.id()))
                .switchIfEmpty(Mono.error(missing));
    }
}
