package dev.stagehand.sagas.twitch;

import com.github.twitch4j.helix.domain.User;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;

/** Finds Twitch accounts by login or id through Helix, with the app's own token. */
@Component
public class TwitchUsers {

    private static final Pattern LOGIN = Pattern.compile("[a-zA-Z0-9_]{1,25}");
    private static final Pattern ID = Pattern.compile("[0-9]{1,20}");

    private final AppHelix helix;

    TwitchUsers(AppHelix helix) {
        this.helix = helix;
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
        List<User> found = helix.call("GET /users", (twitch, token) -> twitch.getUsers(token, ids,
                List.of(loginOrId.toLowerCase()))).getUsers();
        return found.stream()
                .sorted((a, b) -> Boolean.compare(!a.getId().equals(loginOrId), !b.getId().equals(loginOrId)))
                .findFirst()
                .map(user -> new TwitchUser(user.getId(), user.getLogin(), user.getDisplayName()));
    }
}
