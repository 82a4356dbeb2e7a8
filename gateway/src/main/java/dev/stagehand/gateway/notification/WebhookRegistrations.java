package dev.stagehand.gateway.notification;

import dev.stagehand.api.account.AccountId;
import dev.stagehand.api.common.RuleViolation;
import dev.stagehand.api.common.SecretId;
import dev.stagehand.api.notification.DeleteWebhook;
import dev.stagehand.api.notification.FindWebhook;
import dev.stagehand.api.notification.RegisterWebhook;
import dev.stagehand.api.notification.UpdateWebhook;
import dev.stagehand.api.notification.WebhookId;
import dev.stagehand.api.notification.WebhookView;
import dev.stagehand.platform.axon.ReadModelWait;
import dev.stagehand.platform.problem.BadGatewayException;
import dev.stagehand.platform.problem.NotFoundException;
import dev.stagehand.sagas.discord.DiscordWebhookUrls;
import dev.stagehand.sagas.notification.DeliveryOutcome;
import dev.stagehand.sagas.notification.DiscordWebhooks;
import dev.stagehand.sagas.notification.GoLiveMessages;
import dev.stagehand.secrets.SecretStore;
import java.util.Optional;
import java.util.function.Predicate;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * A webhook's life on the Discord side: its URL checked with Discord before it is kept (encrypted: the events hold
 * only the secret's id and a masked URL), replaced, erased with the webhook, and a test message posted through it.
 * A command that fails leaves no secret behind.
 */
@Component
class WebhookRegistrations {

    static final String SECRET_KIND = "discord-webhook";

    private final DiscordWebhookUrls urls;
    private final SecretStore secrets;
    private final DiscordWebhooks discord;
    private final ReadModelWait wait;

    WebhookRegistrations(DiscordWebhookUrls urls, SecretStore secrets, DiscordWebhooks discord, ReadModelWait wait) {
        this.urls = urls;
        this.secrets = secrets;
        this.discord = discord;
        this.wait = wait;
    }

    Mono<WebhookView> register(AccountId owner, String name, String pastedUrl) {
        String url = urls.validated(pastedUrl);
        WebhookId id = WebhookId.random();
        return checked(url).flatMap(exists -> {
            SecretId secret = secrets.store(owner, SECRET_KIND, url);
            return changeAndAwait(id, new RegisterWebhook(id, owner, name, secret, DiscordWebhookUrls.masked(url)),
                    view -> true).doOnError(failure -> secrets.delete(secret));
        });
    }

    /** Renames the webhook and, given a new URL, points it there (its subscriptions and log stay). */
    Mono<WebhookView> update(AccountId owner, WebhookView current, String name, String pastedUrl) {
        Optional<String> url = Optional.ofNullable(pastedUrl).filter(text -> !text.isBlank()).map(urls::validated);
        if (url.isEmpty()) {
            return current.name().equals(name.strip()) ? Mono.just(current)
                    : changeAndAwait(current.webhookId(), new UpdateWebhook(current.webhookId(), owner, name, null,
                            null), view -> view.name().equals(name.strip()));
        }
        return checked(url.get()).flatMap(exists -> {
            SecretId secret = secrets.store(owner, SECRET_KIND, url.get());
            return changeAndAwait(current.webhookId(), new UpdateWebhook(current.webhookId(), owner, name, secret,
                    DiscordWebhookUrls.masked(url.get())), view -> view.url().equals(secret))
                    .doOnNext(view -> secrets.delete(current.url()))
                    .doOnError(failure -> secrets.delete(secret));
        });
    }

    Mono<Void> delete(AccountId owner, WebhookView current) {
        return wait.sendAndAwaitGone(new DeleteWebhook(current.webhookId(), owner), new FindWebhook(
                current.webhookId()), WebhookView.class).then(Mono.fromRunnable(() -> secrets.delete(current.url())));
    }

    /** Posts a sample announcement; answers Discord's id of the message. */
    Mono<String> postTest(WebhookView view) {
        return Mono.fromCallable(() -> {
            String url = secrets.read(view.url()).orElseThrow(() -> new NotFoundException(
                    "No webhook has the id " + view.webhookId() + "."));
            DeliveryOutcome outcome = discord.post(url, GoLiveMessages.sample(view.name()));
            if (!outcome.delivered()) {
                throw new BadGatewayException("Discord did not post the test message: " + outcome.reason()
                        + (outcome.status() > 0 ? " (" + outcome.status() + ")" : ""));
            }
            return outcome.messageId();
        }).subscribeOn(Schedulers.boundedElastic());
    }

    /** Passes when Discord knows the webhook; a 400 saying so when it does not. */
    private Mono<Boolean> checked(String url) {
        return urls.exists(url).filter(Boolean::booleanValue).switchIfEmpty(Mono.error(() -> new RuleViolation(
                "Discord does not know this webhook: it may have been deleted. Copy its URL again from Discord.")));
    }

    private Mono<WebhookView> changeAndAwait(WebhookId id, Object command, Predicate<WebhookView> changed) {
        return wait.sendAndAwaitView(command, new FindWebhook(id), WebhookView.class, changed);
    }
}
