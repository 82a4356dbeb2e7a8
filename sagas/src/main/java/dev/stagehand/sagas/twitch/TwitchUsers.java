package dev.stagehand.sagas.twitch;

import com.github.philippheuer.credentialmanager.CredentialManager;
import com.github.philippheuer.credentialmanager.CredentialManagerBuilder;
import com.github.twitch4j.auth.providers.TwitchIdentityProvider;
import com.github.twitch4j.helix.TwitchHelix;
import com.github.twitch4j.helix.TwitchHelixBuilder;
import com.github.twitch4j.helix.domain.User;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;

/** Finds Twitch accounts by login or id through Helix, with the app's own token. */
@Component
public class TwitchUsers {

    private static final Pattern LOGIN = Pattern.compile("[a-zA-Z0-9_]{1,25}");
    private static final Pattern ID = Pattern.compile("[0-9]{1,20}");

    private final TwitchIdentityProvider identity;
    private final TwitchHelix helix;
    private String appToken;
    private Instant appTokenExpires = Instant.EPOCH;

    TwitchUsers(TwitchEndpoints twitch) {
        this.identity = new TwitchIdentityProvider(twitch.clientId(), twitch.clientSecret(), null,
                twitch.identityUrl());
        // Helix asks the identity provider about tokens: it must be the one at this deployment's Twitch.
        CredentialManager credentials = CredentialManagerBuilder.builder().build();
        credentials.registerIdentityProvider(identity);
        this.helix = TwitchHelixBuilder.builder().withBaseUrl(twitch.helixUrl()).withClientId(twitch.clientId())
                .withClientSecret(twitch.clientSecret()).withCredentialManager(credentials).build();
    }

    /** Whether {@code text} could name a Twitch account at all: a login, or a numeric id. */
    public static boolean plausible(String text) {
        return text != null && LOGIN.matcher(text).matches();
    }

    /**
     * The account with this id (when numeric) or login; a numeric login is tried as a login too.
     *
     * @throws TwitchUnavailableException when Helix does not answer
     */
    public Optional<TwitchUser> find(String loginOrId) {
        if (!plausible(loginOrId)) {
            return Optional.empty();
        }
        List<String> ids = ID.matcher(loginOrId).matches() ? List.of(loginOrId) : null;
        List<User> found;
        try {
            found = helix.getUsers(appToken(), ids, List.of(loginOrId.toLowerCase())).execute().getUsers();
        } catch (RuntimeException unavailable) {
            throw new TwitchUnavailableException(unavailable);
        }
        return found.stream()
                .sorted((a, b) -> Boolean.compare(!a.getId().equals(loginOrId), !b.getId().equals(loginOrId)))
                .findFirst()
                .map(user -> new TwitchUser(user.getId(), user.getLogin(), user.getDisplayName()));
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
