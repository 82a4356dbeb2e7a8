package dev.stagehand.twitchsim.auth;

import static dev.stagehand.twitchsim.http.Http.first;
import static dev.stagehand.twitchsim.http.Http.json;

import dev.stagehand.twitchsim.http.Http;
import dev.stagehand.twitchsim.world.SimToken;
import dev.stagehand.twitchsim.world.SimWorld;
import io.netty.handler.codec.http.QueryStringEncoder;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import reactor.core.publisher.Mono;
import reactor.netty.http.server.HttpServerRequest;
import reactor.netty.http.server.HttpServerResponse;
import reactor.netty.http.server.HttpServerRoutes;

/**
 * Twitch's OAuth server ({@code id.twitch.tv/oauth2}): authorize (approving as a chosen simulated user), token for
 * the authorization-code (with PKCE when the client asks for it), refresh and client-credentials grants, validate and
 * revoke.
 */
public final class OAuthApi {

    private record Grant(String clientId, String login, List<String> scopes, String redirectUri, Pkce pkce) {

        boolean redeemableBy(String clientId, String redirectUri, String codeVerifier) {
            return this.clientId.equals(clientId) && this.redirectUri.equals(redirectUri)
                    && (pkce == null || pkce.verifiedBy(codeVerifier));
        }
    }

    private final SimWorld world;
    private final Map<String, Grant> codes = new ConcurrentHashMap<>();
    private volatile String approvingUser = "streamer";

    public OAuthApi(SimWorld world) {
        this.world = world;
    }

    /** The simulated user who approves every authorization request from now on. */
    public void approveAs(String login) {
        approvingUser = login.toLowerCase();
    }

    public void register(HttpServerRoutes routes) {
        routes.get("/oauth2/authorize", this::authorize)
                .post("/oauth2/token", this::token)
                .get("/oauth2/validate", this::validate)
                .post("/oauth2/revoke", this::revoke);
    }

    private Mono<Void> authorize(HttpServerRequest request, HttpServerResponse response) {
        Map<String, List<String>> parameters = Http.query(request);
        String clientId = first(parameters, "client_id");
        String redirectUri = first(parameters, "redirect_uri");
        if (clientId == null || !world.isApp(clientId)) {
            return json(response, 400, error(400, "invalid client"));
        }
        if (redirectUri == null || !"code".equals(first(parameters, "response_type"))) {
            return json(response, 400, error(400, "missing redirect_uri or response_type=code"));
        }
        String scope = Optional.ofNullable(first(parameters, "scope")).orElse("");
        String code = UUID.randomUUID().toString().replace("-", "");
        // A simulator's extension, as on its Discord: login_hint names who approves this one request.
        String approving = Optional.ofNullable(first(parameters, "login_hint")).map(String::toLowerCase)
                .orElse(approvingUser);
        codes.put(code, new Grant(clientId, approving, scopes(scope), redirectUri,
                Pkce.of(first(parameters, "code_challenge"), first(parameters, "code_challenge_method"))));
        world.user(approving);
        QueryStringEncoder location = new QueryStringEncoder(redirectUri);
        location.addParam("code", code);
        location.addParam("scope", scope);
        String state = first(parameters, "state");
        if (state != null) {
            location.addParam("state", state);
        }
        return response.status(302).header("Location", location.toString()).send();
    }

    private Mono<Void> token(HttpServerRequest request, HttpServerResponse response) {
        return Http.queryAndForm(request).flatMap(parameters -> {
            String clientId = first(parameters, "client_id");
            if (clientId == null || !world.isApp(clientId)) {
                return json(response, 400, error(400, "invalid client"));
            }
            if (!world.appSecretMatches(clientId, first(parameters, "client_secret"))) {
                return json(response, 403, error(403, "invalid client secret"));
            }
            String grantType = Optional.ofNullable(first(parameters, "grant_type")).orElse("");
            return switch (grantType) {
                case "client_credentials" -> json(response, 200, appTokenResponse(world.issueAppToken(clientId)));
                case "authorization_code" -> {
                    Grant grant = codes.remove(Optional.ofNullable(first(parameters, "code")).orElse(""));
                    if (grant == null || !grant.redeemableBy(clientId, first(parameters, "redirect_uri"),
                            first(parameters, "code_verifier"))) {
                        yield json(response, 400, error(400, "Invalid authorization code"));
                    }
                    yield json(response, 200,
                            userTokenResponse(world.issueUserToken(clientId, grant.login(), grant.scopes())));
                }
                case "refresh_token" -> world.refresh(clientId, first(parameters, "refresh_token"))
                        .map(token -> json(response, 200, userTokenResponse(token)))
                        .orElseGet(() -> json(response, 400, error(400, "Invalid refresh token")));
                default -> json(response, 400, error(400, "unsupported grant type"));
            };
        });
    }

    private Mono<Void> validate(HttpServerRequest request, HttpServerResponse response) {
        String header = request.requestHeaders().get("Authorization");
        if (header == null) {
            return json(response, 401, error(401, "missing authorization token"));
        }
        String presented = header.replaceFirst("(?i)^(OAuth|Bearer)\\s+", "");
        return world.token(presented).map(token -> {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("client_id", token.clientId());
            if (token.user() != null) {
                body.put("login", token.user().login());
            }
            body.put("scopes", token.scopes());
            if (token.user() != null) {
                body.put("user_id", token.user().id());
            }
            body.put("expires_in", token.expiresInSeconds(world.now()));
            return json(response, 200, body);
        }).orElseGet(() -> json(response, 401, error(401, "invalid access token")));
    }

    private Mono<Void> revoke(HttpServerRequest request, HttpServerResponse response) {
        return Http.queryAndForm(request).flatMap(parameters -> {
            String clientId = first(parameters, "client_id");
            Optional<SimToken> token = world.token(first(parameters, "token"))
                    .filter(t -> t.clientId().equals(clientId));
            if (token.isEmpty()) {
                return json(response, 400, error(400, "Invalid token"));
            }
            world.revoke(token.get().accessToken());
            return response.status(200).send();
        });
    }

    private Map<String, Object> userTokenResponse(SimToken token) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("access_token", token.accessToken());
        body.put("expires_in", token.expiresInSeconds(world.now()));
        body.put("refresh_token", token.refreshToken());
        body.put("scope", token.scopes());
        body.put("token_type", "bearer");
        return body;
    }

    private Map<String, Object> appTokenResponse(SimToken token) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("access_token", token.accessToken());
        body.put("expires_in", token.expiresInSeconds(world.now()));
        body.put("token_type", "bearer");
        return body;
    }

    private static List<String> scopes(String scope) {
        return Arrays.stream(scope.split("[ +]")).filter(s -> !s.isBlank()).toList();
    }

    private static Map<String, Object> error(int status, String message) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", status);
        body.put("message", message);
        return body;
    }
}
