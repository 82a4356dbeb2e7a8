package dev.stagehand.twitchsim.world;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Everything the simulated Twitch knows: accounts, registered apps, games, live streams and issued tokens.
 * Thread-safe; tests and the scenario driver change it while clients read it.
 */
public final class SimWorld {

    private static final String[] COLORS = {"#FF0000", "#0000FF", "#008000", "#B22222", "#FF7F50", "#9ACD32",
            "#FF4500", "#2E8B57", "#DAA520", "#D2691E", "#5F9EA0", "#1E90FF", "#FF69B4", "#8A2BE2", "#00FF7F"};
    private static final Duration TOKEN_LIFETIME = Duration.ofHours(4);

    private final Clock clock;
    private final SecureRandom random = new SecureRandom();
    private final AtomicLong nextUserId = new AtomicLong(100_000_000L);
    private final AtomicLong nextStreamId = new AtomicLong(40_000_000_000L);
    private final Map<String, SimUser> usersById = new ConcurrentHashMap<>();
    private final Map<String, SimUser> usersByLogin = new ConcurrentHashMap<>();
    private final Map<String, String> appSecrets = new ConcurrentHashMap<>();
    private final Map<String, SimGame> gamesById = new ConcurrentHashMap<>();
    private final Map<String, SimStream> liveByBroadcasterId = new ConcurrentHashMap<>();
    private final Map<String, SimStream> lastByBroadcasterId = new ConcurrentHashMap<>();
    private final Map<String, SimToken> tokensByAccess = new ConcurrentHashMap<>();
    private final Map<String, SimToken> tokensByRefresh = new ConcurrentHashMap<>();
    private final List<StreamListener> streamListeners = new CopyOnWriteArrayList<>();

    /** Told when a broadcaster goes live or offline (EventSub listens). */
    public interface StreamListener {
        void wentLive(SimStream stream);

        void wentOffline(SimUser broadcaster);
    }

    public SimWorld(Clock clock) {
        this.clock = clock;
    }

    public Instant now() {
        return clock.instant();
    }

    // ---- accounts

    /** The account with this login, created on first use. Logins are lower case, as on Twitch. */
    public SimUser user(String login) {
        String key = login.toLowerCase();
        return usersByLogin.computeIfAbsent(key, name -> {
            String id = Long.toString(nextUserId.getAndIncrement());
            SimUser user = new SimUser(id, name, displayName(login), COLORS[Math.floorMod(name.hashCode(),
                    COLORS.length)], "", now());
            usersById.put(id, user);
            return user;
        });
    }

    public Optional<SimUser> userById(String id) {
        return Optional.ofNullable(usersById.get(id));
    }

    public Optional<SimUser> userByLogin(String login) {
        return Optional.ofNullable(usersByLogin.get(login.toLowerCase()));
    }

    private static String displayName(String login) {
        return login.isEmpty() ? login : Character.toUpperCase(login.charAt(0)) + login.substring(1);
    }

    // ---- apps and tokens

    public void registerApp(String clientId, String clientSecret) {
        appSecrets.put(clientId, clientSecret);
    }

    public boolean isApp(String clientId) {
        return appSecrets.containsKey(clientId);
    }

    public boolean appSecretMatches(String clientId, String clientSecret) {
        return clientSecret != null && clientSecret.equals(appSecrets.get(clientId));
    }

    /** Issues a user token directly, as if the user had gone through the authorization page. */
    public SimToken issueUserToken(String clientId, String login, List<String> scopes) {
        return store(new SimToken(secret(), secret(), clientId, user(login), List.copyOf(scopes),
                now().plus(TOKEN_LIFETIME)));
    }

    public SimToken issueAppToken(String clientId) {
        return store(new SimToken(secret(), null, clientId, null, List.of(), now().plus(TOKEN_LIFETIME)));
    }

    /** A live token, or empty when unknown, revoked or expired. */
    public Optional<SimToken> token(String accessToken) {
        return Optional.ofNullable(accessToken == null ? null : tokensByAccess.get(accessToken))
                .filter(token -> token.expiresAt().isAfter(now()));
    }

    /** Exchanges a refresh token: the old pair stops working, a new pair is issued. */
    public Optional<SimToken> refresh(String clientId, String refreshToken) {
        SimToken old = refreshToken == null ? null : tokensByRefresh.get(refreshToken);
        if (old == null || !old.clientId().equals(clientId)) {
            return Optional.empty();
        }
        revoke(old.accessToken());
        return Optional.of(store(new SimToken(secret(), secret(), clientId, old.user(), old.scopes(),
                now().plus(TOKEN_LIFETIME))));
    }

    /** Expires every access token of the user now, as four hours passing would; their refresh tokens still work. */
    public void expireTokensOf(String login) {
        tokensOf(login).forEach(token -> store(new SimToken(token.accessToken(), token.refreshToken(),
                token.clientId(), token.user(), token.scopes(), now().minusSeconds(1))));
    }

    /** Revokes every token of the user, as disconnecting the app in their Twitch settings does. */
    public void revokeTokensOf(String login) {
        tokensOf(login).forEach(token -> revoke(token.accessToken()));
    }

    /** Whether the user authorized the app: it holds a token of theirs that has not been revoked (it may be expired). */
    public boolean authorized(String clientId, String userId) {
        return tokensByRefresh.values().stream().anyMatch(token -> token.clientId().equals(clientId)
                && token.user() != null && token.user().id().equals(userId));
    }

    private List<SimToken> tokensOf(String login) {
        return tokensByAccess.values().stream()
                .filter(token -> token.user() != null && token.user().login().equals(login.toLowerCase()))
                .toList();
    }

    public void revoke(String accessToken) {
        SimToken token = tokensByAccess.remove(accessToken);
        if (token != null && token.refreshToken() != null) {
            tokensByRefresh.remove(token.refreshToken());
        }
    }

    private SimToken store(SimToken token) {
        tokensByAccess.put(token.accessToken(), token);
        if (token.refreshToken() != null) {
            tokensByRefresh.put(token.refreshToken(), token);
        }
        return token;
    }

    private String secret() {
        byte[] bytes = new byte[15];
        random.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    // ---- games and streams

    public SimGame game(String id, String name) {
        return gamesById.computeIfAbsent(id, key -> new SimGame(id, name));
    }

    public List<SimGame> games() {
        return List.copyOf(gamesById.values());
    }

    public void addStreamListener(StreamListener listener) {
        streamListeners.add(listener);
    }

    /** Puts the broadcaster live (or updates the live stream's title, game and viewers, keeping its id). */
    public SimStream goLive(String login, SimGame game, String title, int viewers) {
        SimUser broadcaster = user(login);
        boolean[] started = new boolean[1];
        SimStream stream = liveByBroadcasterId.compute(broadcaster.id(), (id, current) -> {
            started[0] = current == null;
            return current == null
                    ? new SimStream(Long.toString(nextStreamId.getAndIncrement()), broadcaster, game, title, viewers,
                    now(), "en", List.of("English"), false)
                    : new SimStream(current.id(), broadcaster, game, title, viewers, current.startedAt(),
                    current.language(), current.tags(), current.mature());
        });
        lastByBroadcasterId.put(broadcaster.id(), stream);
        if (started[0]) {
            streamListeners.forEach(listener -> listener.wentLive(stream));
        }
        return stream;
    }

    public void goOffline(String login) {
        userByLogin(login).filter(user -> liveByBroadcasterId.remove(user.id()) != null)
                .ifPresent(user -> streamListeners.forEach(listener -> listener.wentOffline(user)));
    }

    /** The broadcaster's live stream, or the last one they had: a channel keeps its title and game offline. */
    public Optional<SimStream> lastStream(String broadcasterId) {
        return Optional.ofNullable(lastByBroadcasterId.get(broadcasterId));
    }

    public Optional<SimStream> liveStream(String broadcasterId) {
        return Optional.ofNullable(liveByBroadcasterId.get(broadcasterId));
    }

    /** Live streams, most viewers first, as Helix orders them. */
    public List<SimStream> liveStreams() {
        List<SimStream> streams = new ArrayList<>(liveByBroadcasterId.values());
        streams.sort(Comparator.comparingInt(SimStream::viewerCount).reversed().thenComparing(SimStream::id));
        return streams;
    }
}
