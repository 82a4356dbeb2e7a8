package dev.stagehand.gateway.notification;

import dev.stagehand.api.common.Conflict;
import dev.stagehand.api.common.RuleViolation;
import dev.stagehand.api.common.SecretId;
import dev.stagehand.api.notification.DeleteWebhook;
import dev.stagehand.api.notification.DeliveryView;
import dev.stagehand.api.notification.FindDeliveries;
import dev.stagehand.api.notification.FindWebhook;
import dev.stagehand.api.notification.FindWebhooksOf;
import dev.stagehand.api.notification.NotificationId;
import dev.stagehand.api.notification.NotificationOptions;
import dev.stagehand.api.notification.RedriveNotification;
import dev.stagehand.api.notification.RegisterWebhook;
import dev.stagehand.api.notification.SubscribeWebhook;
import dev.stagehand.api.notification.UnsubscribeWebhook;
import dev.stagehand.api.notification.UpdateWebhook;
import dev.stagehand.api.notification.WatchTarget;
import dev.stagehand.api.notification.WebhookId;
import dev.stagehand.api.notification.WebhookSubscriptionId;
import dev.stagehand.api.notification.WebhookView;
import dev.stagehand.gateway.axon.ReadModelWait;
import dev.stagehand.platform.problem.BadGatewayException;
import dev.stagehand.platform.problem.NotFoundException;
import dev.stagehand.gateway.security.CurrentAccount;
import dev.stagehand.sagas.notification.DeliveryOutcome;
import dev.stagehand.sagas.notification.DiscordWebhooks;
import dev.stagehand.sagas.notification.GoLiveMessages;
import dev.stagehand.sagas.twitch.TwitchGames;
import dev.stagehand.sagas.twitch.TwitchUsers;
import dev.stagehand.secrets.SecretStore;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.net.URI;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
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
import reactor.core.scheduler.Schedulers;

/**
 * The logged-in account's Discord webhooks: register (the URL checked with Discord, then kept encrypted), rename or
 * repoint, delete, subscribe each to streamers or games, post a test message, read the delivery log and redrive an
 * abandoned notification.
 */
@RestController
@RequestMapping("/api/webhooks")
class WebhookController {

    static final String SECRET_KIND = "discord-webhook";
    static final int MAX_DELIVERIES = 200;

    private final QueryGateway queries;
    private final ReadModelWait wait;
    private final SecretStore secrets;
    private final DiscordWebhookUrls urls;
    private final TwitchUsers twitchUsers;
    private final TwitchGames twitchGames;
    private final CommandGateway commands;
    private final DiscordWebhooks discord;

    WebhookController(QueryGateway queries, ReadModelWait wait, SecretStore secrets,
                      DiscordWebhookUrls urls, TwitchUsers twitchUsers, TwitchGames twitchGames,
                      CommandGateway commands, DiscordWebhooks discord) {
        this.commands = commands;
        this.discord = discord;
        this.queries = queries;
        this.wait = wait;
        this.secrets = secrets;
        this.urls = urls;
        this.twitchUsers = twitchUsers;
        this.twitchGames = twitchGames;
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
        return Mono.fromFuture(() -> queries.query(new FindWebhooksOf(me.id()),
                        ResponseTypes.multipleInstancesOf(WebhookView.class)))
                .subscribeOn(Schedulers.boundedElastic())
                .flatMapIterable(list -> list)
                .map(WebhookResponse::of);
    }

    @GetMapping("/{webhookId}")
    Mono<WebhookResponse> one(CurrentAccount me, @PathVariable String webhookId) {
        return owned(me, webhookId).map(WebhookResponse::of);
    }

    @PostMapping
    Mono<ResponseEntity<WebhookResponse>> register(CurrentAccount me, @Valid @RequestBody RegisterRequest body) {
        String url = urls.validated(body.url());
        WebhookId id = WebhookId.random();
        return checked(url)
                .flatMap(exists -> {
                    SecretId secret = secrets.store(me.id(), SECRET_KIND, url);
                    return changeAndAwait(id, new RegisterWebhook(id, me.id(), body.name(), secret,
                            DiscordWebhookUrls.masked(url)), view -> true)
                            .doOnError(failure -> secrets.delete(secret));
                })
                .map(view -> ResponseEntity.created(URI.create("/api/webhooks/" + id)).body(WebhookResponse.of(view)));
    }

    @PutMapping("/{webhookId}")
    Mono<WebhookResponse> update(CurrentAccount me, @PathVariable String webhookId,
                                 @Valid @RequestBody UpdateRequest body) {
        Optional<String> url = Optional.ofNullable(body.url()).filter(text -> !text.isBlank()).map(urls::validated);
        return owned(me, webhookId).flatMap(current -> {
            if (url.isEmpty()) {
                return current.name().equals(body.name().strip()) ? Mono.just(current)
                        : changeAndAwait(current.webhookId(),
                                new UpdateWebhook(current.webhookId(), me.id(), body.name(), null, null),
                                view -> view.name().equals(body.name().strip()));
            }
            return checked(url.get()).flatMap(exists -> {
                SecretId secret = secrets.store(me.id(), SECRET_KIND, url.get());
                return changeAndAwait(current.webhookId(), new UpdateWebhook(current.webhookId(), me.id(),
                                body.name(), secret, DiscordWebhookUrls.masked(url.get())),
                        view -> view.url().equals(secret))
                        .doOnNext(view -> secrets.delete(current.url()))
                        .doOnError(failure -> secrets.delete(secret));
            });
        }).map(WebhookResponse::of);
    }

    @DeleteMapping("/{webhookId}")
    Mono<ResponseEntity<Void>> delete(CurrentAccount me, @PathVariable String webhookId) {
        return owned(me, webhookId)
                .flatMap(current -> wait.sendAndAwaitGone(new DeleteWebhook(current.webhookId(), me.id()),
                        new FindWebhook(current.webhookId()), WebhookView.class)
                        .then(Mono.fromRunnable(() -> secrets.delete(current.url()))))
                .thenReturn(ResponseEntity.noContent().build());
    }

    @PostMapping("/{webhookId}/subscriptions")
    Mono<ResponseEntity<WebhookResponse.SubscriptionResponse>> subscribe(CurrentAccount me, @PathVariable String webhookId,
                                                             @RequestBody SubscribeRequest body) {
        NotificationOptions options = body.notificationOptions().validated();
        WebhookSubscriptionId subscription = WebhookSubscriptionId.random();
        return owned(me, webhookId)
                .flatMap(current -> target(body).flatMap(target -> changeAndAwait(current.webhookId(),
                        new SubscribeWebhook(current.webhookId(), me.id(), subscription, target, options),
                        view -> view.subscriptions().stream()
                                .anyMatch(added -> added.subscriptionId().equals(subscription)))))
                .map(view -> view.subscriptions().stream()
                        .filter(added -> added.subscriptionId().equals(subscription)).findFirst().orElseThrow())
                .map(added -> ResponseEntity.created(URI.create("/api/webhooks/" + webhookId + "/subscriptions/"
                        + subscription)).body(WebhookResponse.SubscriptionResponse.of(added)));
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

    /** The webhook's delivery log, newest first: every notification, skipped or sent, and each attempt. */
    @GetMapping("/{webhookId}/deliveries")
    Flux<DeliveryResponse> deliveries(CurrentAccount me, @PathVariable String webhookId,
                                  @RequestParam(defaultValue = "50") int limit) {
        if (limit < 1 || limit > MAX_DELIVERIES) {
            throw new RuleViolation("limit must be between 1 and " + MAX_DELIVERIES);
        }
        return owned(me, webhookId)
                .flatMap(view -> Mono.fromFuture(() -> queries.query(new FindDeliveries(view.webhookId(), limit),
                        ResponseTypes.multipleInstancesOf(DeliveryView.class))))
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
        return owned(me, webhookId)
                .publishOn(Schedulers.boundedElastic())
                .map(view -> {
                    String url = secrets.read(view.url()).orElseThrow(() -> new NotFoundException(
                            "No webhook has the id " + webhookId + "."));
                    DeliveryOutcome outcome = discord.post(url, GoLiveMessages.sample(view.name()));
                    if (!outcome.delivered()) {
                        throw new BadGatewayException("Discord did not post the test message: " + outcome.reason()
                                + (outcome.status() > 0 ? " (" + outcome.status() + ")" : ""));
                    }
                    return new TestResult(outcome.messageId());
                });
    }

    /** The streamer or game the request names, as Helix knows it. */
    private Mono<WatchTarget> target(SubscribeRequest body) {
        boolean streamer = body.streamer() != null && !body.streamer().isBlank();
        boolean game = body.game() != null && !body.game().isBlank();
        if (streamer == game) {
            return Mono.error(new RuleViolation("Name exactly one of streamer (a Twitch login or id) and game"));
        }
        String wanted = (streamer ? body.streamer() : body.game()).strip();
        if (streamer && !TwitchUsers.plausible(wanted)) {
            return Mono.error(new RuleViolation("'" + wanted + "' is not a Twitch login or channel id"));
        }
        return Mono.fromCallable(() -> streamer
                        ? twitchUsers.find(wanted)
                                .map(user -> new WatchTarget(WatchTarget.Kind.STREAMER, user.id(), user.displayName()))
                                .orElse(null)
                        : twitchGames.find(wanted)
                                .map(found -> new WatchTarget(WatchTarget.Kind.GAME, found.id(), found.name()))
                                .orElse(null))
                .subscribeOn(Schedulers.boundedElastic())
                .switchIfEmpty(Mono.error(() -> new NotFoundException("Twitch has no " + (streamer ? "channel" : "game")
                        + " '" + wanted + "'.")));
    }

    /** Passes when Discord knows the webhook; a 400 saying so when it does not. */
    private Mono<Boolean> checked(String url) {
        return urls.exists(url).filter(Boolean::booleanValue).switchIfEmpty(Mono.error(() -> new RuleViolation(
                "Discord does not know this webhook: it may have been deleted. Copy its URL again from Discord.")));
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
        return Mono.fromFuture(() -> queries.query(new FindWebhook(id),
                        ResponseTypes.optionalInstanceOf(WebhookView.class)))
                .subscribeOn(Schedulers.boundedElastic())
                .flatMap(Mono::justOrEmpty)
                .filter(view -> view.owner().equals(me.id()))
                .switchIfEmpty(Mono.error(missing));
    }
}
