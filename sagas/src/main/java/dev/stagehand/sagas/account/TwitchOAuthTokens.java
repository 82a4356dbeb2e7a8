package dev.stagehand.sagas.account;

import dev.stagehand.api.account.AccountId;
import dev.stagehand.api.common.SecretId;
import dev.stagehand.sagas.account.TokenCheck.Outcome;
import dev.stagehand.sagas.twitch.TwitchEndpoints;
import dev.stagehand.secrets.SecretStore;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionOperations;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** {@link TwitchTokens} against Twitch's OAuth server ({@code /oauth2/validate}, {@code /oauth2/token}). */
@Component
class TwitchOAuthTokens implements TwitchTokens {

    static final String SECRET_KIND = "twitch-user-token";
    private static final Logger log = LoggerFactory.getLogger(TwitchOAuthTokens.class);
    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private final TwitchEndpoints twitch;
    private final SecretStore secrets;
    private final TransactionOperations transactions;
    private final JsonMapper json;
    private final Clock clock;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();

    TwitchOAuthTokens(TwitchEndpoints twitch, SecretStore secrets, TransactionOperations transactions,
                      JsonMapper json) {
        this.twitch = twitch;
        this.secrets = secrets;
        this.transactions = transactions;
        this.json = json;
        this.clock = Clock.systemUTC();
    }

    @Override
    public SecretId store(AccountId owner, TwitchToken token) {
        return secrets.store(owner, SECRET_KIND, json.writeValueAsString(token));
    }

    @Override
    public void forget(SecretId token) {
        secrets.delete(token);
    }

    @Override
    public Optional<String> accessToken(SecretId token) {
        return secrets.read(token).map(stored -> json.readValue(stored, TwitchToken.class).accessToken());
    }

    @Override
    public TokenCheck check(SecretId id, Duration horizon) {
        // The row stays locked while Twitch is asked: a refresh token can be spent once, so one node refreshes.
        return transactions.execute(status -> secrets.readForUpdate(id)
                .map(stored -> check(id, json.readValue(stored, TwitchToken.class), horizon))
                .orElseGet(() -> new TokenCheck(Outcome.LOST, "the token is no longer stored")));
    }

    private TokenCheck check(SecretId id, TwitchToken token, Duration horizon) {
        try {
            HttpResponse<String> validation = http.send(HttpRequest.newBuilder(URI.create(twitch.identityUrl()
                            + "/validate")).timeout(TIMEOUT).header("Authorization", "OAuth " + token.accessToken())
                    .GET().build(), HttpResponse.BodyHandlers.ofString());
            if (validation.statusCode() == 200) {
                long expiresIn = json.readTree(validation.body()).path("expires_in").asLong();
                if (Duration.ofSeconds(expiresIn).compareTo(horizon) > 0) {
                    return TokenCheck.of(Outcome.VALID);
                }
            } else if (validation.statusCode() != 401) {
                return new TokenCheck(Outcome.UNKNOWN, "Twitch answered " + validation.statusCode() + " to validate");
            }
            return refresh(id, token);
        } catch (IOException e) {
            return new TokenCheck(Outcome.UNKNOWN, "Twitch could not be reached: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new TokenCheck(Outcome.UNKNOWN, "interrupted");
        }
    }

    private TokenCheck refresh(SecretId id, TwitchToken token) throws IOException, InterruptedException {
        String query = "grant_type=refresh_token&refresh_token=" + encode(token.refreshToken())
                + "&client_id=" + encode(twitch.clientId()) + "&client_secret=" + encode(twitch.clientSecret());
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(twitch.identityUrl()
                        + "/token?" + query)).timeout(TIMEOUT).POST(HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() == 400 || response.statusCode() == 401) {
            return new TokenCheck(Outcome.LOST, "Twitch refused the refresh token (the app was disconnected or the "
                    + "password changed)");
        }
        if (response.statusCode() != 200) {
            return new TokenCheck(Outcome.UNKNOWN, "Twitch answered " + response.statusCode() + " to a refresh");
        }
        JsonNode body = json.readTree(response.body());
        List<String> scopes = body.path("scope").valueStream().map(JsonNode::asString).toList();
        secrets.replace(id, json.writeValueAsString(new TwitchToken(body.path("access_token").asString(),
                body.path("refresh_token").asString(),
                clock.instant().plusSeconds(body.path("expires_in").asLong()), scopes)));
        log.debug("Refreshed Twitch token {}", id);
        return TokenCheck.of(Outcome.REFRESHED);
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
