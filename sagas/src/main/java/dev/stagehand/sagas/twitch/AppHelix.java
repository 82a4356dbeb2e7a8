package dev.stagehand.sagas.twitch;

import com.github.philippheuer.credentialmanager.CredentialManager;
import com.github.philippheuer.credentialmanager.CredentialManagerBuilder;
import com.github.twitch4j.auth.providers.TwitchIdentityProvider;
import com.github.twitch4j.helix.TwitchHelix;
import com.github.twitch4j.helix.TwitchHelixBuilder;
import com.netflix.hystrix.HystrixCommand;
import dev.stagehand.platform.metrics.OutboundCalls;
import java.time.Duration;
import java.time.Instant;
import java.util.function.BiFunction;
import org.springframework.stereotype.Component;

/**
 * Helix as Stagehand's own app (client-credentials token, renewed before it expires), for public data. Every call is
 * counted and timed by endpoint and status ({@link OutboundCalls}).
 */
@Component
public class AppHelix {

    private final TwitchIdentityProvider identity;
    private final TwitchHelix helix;
    private final OutboundCalls calls;
    private String appToken;
    private Instant appTokenExpires = Instant.EPOCH;

    public AppHelix(TwitchEndpoints twitch, OutboundCalls calls) {
        this.calls = calls;
        this.identity = new TwitchIdentityProvider(twitch.clientId(), twitch.clientSecret(), null,
                twitch.identityUrl());
        // Helix asks the identity provider about tokens: it must be the one at this deployment's Twitch.
        CredentialManager credentials = CredentialManagerBuilder.builder().build();
        credentials.registerIdentityProvider(identity);
        this.helix = TwitchHelixBuilder.builder().withBaseUrl(twitch.helixUrl()).withClientId(twitch.clientId())
                .withClientSecret(twitch.clientSecret()).withCredentialManager(credentials).build();
    }

    /**
     * Runs one Helix call with the app token.
     *
     * @param endpoint the call's method and path, as metrics name it: {@code GET /streams}
     * @throws TwitchUnavailableException when Twitch does not answer or refuses
     */
    public <T> T call(String endpoint, BiFunction<TwitchHelix, String, HystrixCommand<T>> request) {
        long start = System.nanoTime();
        try {
            T answer = request.apply(helix, appToken()).execute();
            calls.record(OutboundCalls.TWITCH_HELIX, endpoint, OutboundCalls.SUCCESS, start);
            return answer;
        } catch (RuntimeException unavailable) {
            TwitchUnavailableException failure = new TwitchUnavailableException(unavailable);
            calls.record(OutboundCalls.TWITCH_HELIX, endpoint, OutboundCalls.status(failure.status()), start);
            throw failure;
        }
    }

    /** The client itself, for twitch4j modules that call Helix with other tokens (EventSub sockets, a streamer's). */
    public TwitchHelix client() {
        return helix;
    }

    private synchronized String appToken() {
        if (appToken == null || Instant.now().isAfter(appTokenExpires)) {
            var credential = identity.getAppAccessToken();
            appToken = credential.getAccessToken();
            int lifetime = credential.getExpiresIn() == null ? 3600 : credential.getExpiresIn();
            appTokenExpires = Instant.now().plus(Duration.ofSeconds(lifetime)).minus(Duration.ofMinutes(5));
        }
        return appToken;
    }
}
