package dev.stagehand.sagas.discord;

import dev.stagehand.api.common.RuleViolation;
import dev.stagehand.platform.metrics.OutboundCalls;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Discord webhook URLs as people paste them: checked for shape (a Discord host, {@code /api/webhooks/{id}/{token}}),
 * then once with a harmless GET that Discord answers without posting anything, and masked for showing, since the
 * token in them lets anyone post.
 */
@Component
public class DiscordWebhookUrls {

    private static final Duration TIMEOUT = Duration.ofSeconds(5);
    private static final List<String> DISCORD_HOSTS =
            List.of("discord.com", "discordapp.com", "canary.discord.com", "ptb.discord.com");
    private static final Pattern PATH = Pattern.compile("/api(?:/v\\d{1,2})?/webhooks/([0-9]{17,20})/([A-Za-z0-9_-]{32,100})");

    private static final String ENDPOINT = "GET /webhooks/{id}/{token}";

    private final DiscordApi discord;
    private final OutboundCalls calls;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();

    DiscordWebhookUrls(DiscordApi discord, OutboundCalls calls) {
        this.discord = discord;
        this.calls = calls;
    }

    /** A webhook URL in Discord's canonical form, or a {@link RuleViolation} saying what is wrong with it. */
    public String validated(String pasted) {
        String text = pasted == null ? "" : pasted.strip();
        URI uri;
        try {
            uri = URI.create(text);
        } catch (IllegalArgumentException malformed) {
            throw notAWebhook();
        }
        String rawPath = uri.getRawPath() == null ? "" : uri.getRawPath();
        String prefix = pathPrefix();
        Matcher path = PATH.matcher(rawPath.startsWith(prefix) ? rawPath.substring(prefix.length()) : "");
        if (!fromDiscord(uri) || !path.matches() || uri.getRawQuery() != null || uri.getRawFragment() != null
                || uri.getRawUserInfo() != null) {
            throw notAWebhook();
        }
        return discord.url() + "/webhooks/" + path.group(1) + "/" + path.group(2);
    }

    /** The URL with all but the last four characters of its token hidden. */
    public static String masked(String url) {
        int tokenStart = url.lastIndexOf('/') + 1;
        return url.substring(0, tokenStart) + "••••" + url.substring(url.length() - 4);
    }

    /** Asks Discord whether the webhook exists: true, false (401/404), or a {@link DiscordUnavailableException}. */
    public Mono<Boolean> exists(String url) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(TIMEOUT).GET().build();
        long start = System.nanoTime();
        return Mono.fromFuture(() -> http.sendAsync(request, HttpResponse.BodyHandlers.discarding()))
                .doOnNext(response -> calls.record(OutboundCalls.DISCORD, ENDPOINT,
                        OutboundCalls.status(response.statusCode()), start))
                .doOnError(unanswered -> calls.record(OutboundCalls.DISCORD, ENDPOINT, OutboundCalls.status(0), start))
                .onErrorMap(DiscordUnavailableException::new)
                .flatMap(response -> switch (response.statusCode()) {
                    case 200 -> Mono.just(true);
                    case 401, 403, 404 -> Mono.just(false);
                    default -> Mono.error(new DiscordUnavailableException(
                            new IllegalStateException("Discord answered " + response.statusCode())));
                });
    }

    private boolean fromDiscord(URI uri) {
        if (discord.simulated()) {
            URI simulated = URI.create(discord.url());
            return simulated.getScheme().equals(uri.getScheme()) && simulated.getHost().equals(uri.getHost())
                    && simulated.getPort() == uri.getPort();
        }
        return "https".equals(uri.getScheme()) && DISCORD_HOSTS.contains(uri.getHost()) && uri.getPort() == -1;
    }

    /** What comes before {@code /api} on this Discord: nothing, or the simulator's {@code /discord}. */
    private String pathPrefix() {
        return URI.create(discord.url()).getRawPath().replaceFirst("/api$", "");
    }

    private static RuleViolation notAWebhook() {
        return new RuleViolation("This is not a Discord webhook URL. In Discord, open the channel's settings, "
                + "Integrations, Webhooks, and use \"Copy Webhook URL\": it looks like "
                + "https://discord.com/api/webhooks/123456789012345678/abc…");
    }
}
