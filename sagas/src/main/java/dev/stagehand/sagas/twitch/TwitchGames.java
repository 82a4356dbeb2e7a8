package dev.stagehand.sagas.twitch;

import com.github.twitch4j.helix.domain.Game;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;

/** Finds Twitch games (categories) by exact name or id through Helix, with the app's own token. */
@Component
public class TwitchGames {

    private static final Pattern ID = Pattern.compile("[0-9]{1,20}");
    /** Twitch's longest category names are well under this. */
    public static final int MAX_NAME = 100;

    private final AppHelix helix;

    TwitchGames(AppHelix helix) {
        this.helix = helix;
    }

    /**
     * The game with this id (when numeric) or exact name (any case, as Helix matches); a numeric name such as
     * "2048" is tried as a name too.
     *
     * @throws TwitchUnavailableException when Helix does not answer
     */
    public Optional<TwitchGame> find(String nameOrId) {
        String wanted = nameOrId == null ? "" : nameOrId.strip();
        if (wanted.isEmpty() || wanted.length() > MAX_NAME) {
            return Optional.empty();
        }
        List<String> ids = ID.matcher(wanted).matches() ? List.of(wanted) : null;
        List<Game> found = helix.call("GET /games", (twitch, token) -> twitch.getGames(token, ids, List.of(wanted),
                null)).getGames();
        return found.stream()
                .sorted((a, b) -> Boolean.compare(!a.getId().equals(wanted), !b.getId().equals(wanted)))
                .findFirst()
                .map(game -> new TwitchGame(game.getId(), game.getName()));
    }
}
