package dev.stagehand.gateway.security;

import dev.stagehand.api.account.AccountId;
import dev.stagehand.api.account.Provider;
import dev.stagehand.api.common.RuleViolation;
import dev.stagehand.gateway.account.AccountLogins;
import dev.stagehand.gateway.account.ExternalLogin;
import dev.stagehand.gateway.account.IdentityInUseException;
import dev.stagehand.sagas.account.TwitchToken;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.context.SecurityContextImpl;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.web.server.DefaultServerRedirectStrategy;
import org.springframework.security.web.server.ServerRedirectStrategy;
import org.springframework.security.web.server.WebFilterExchange;
import org.springframework.security.web.server.authentication.ServerAuthenticationFailureHandler;
import org.springframework.security.web.server.authentication.ServerAuthenticationSuccessHandler;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * After a provider login: finds or registers the account (or links the identity, when the person asked to link it),
 * logs the session in to it, and sends the browser to the dashboard. A failed login goes back with an error code the
 * dashboard explains.
 */
@Component
class LoginSuccessHandler implements ServerAuthenticationSuccessHandler, ServerAuthenticationFailureHandler {

    private static final Logger log = LoggerFactory.getLogger(LoginSuccessHandler.class);

    private final AccountLogins logins;
    private final AccountSecurityContextRepository contexts;
    private final ServerRedirectStrategy redirects = new DefaultServerRedirectStrategy();

    LoginSuccessHandler(AccountLogins logins, AccountSecurityContextRepository contexts) {
        this.logins = logins;
        this.contexts = contexts;
    }

    @Override
    public Mono<Void> onAuthenticationSuccess(WebFilterExchange filterExchange, Authentication authentication) {
        ServerWebExchange exchange = filterExchange.getExchange();
        ExternalLogin login = login((OAuth2AuthenticationToken) authentication,
                LoginTokenCapture.of(exchange).orElseThrow());
        return exchange.getSession().flatMap(session -> {
            String linking = (String) session.getAttributes().remove(AccountLogins.LINKING_ACCOUNT);
            Mono<AccountId> account = linking == null ? logins.logIn(login) : logins.link(new AccountId(linking), login);
            String landing = linking == null ? "/" : "/account";
            return account
                    .flatMap(id -> contexts.save(exchange, new SecurityContextImpl(
                            new AccountAuthentication(new CurrentAccount(id, false)))))
                    .then(redirect(exchange, landing))
                    .onErrorResume(IdentityInUseException.class,
                            inUse -> redirect(exchange, "/account?error=identity-in-use"))
                    .onErrorResume(RuleViolation.class, rule -> redirect(exchange, "/account?error=already-linked"))
                    .onErrorResume(failure -> {
                        log.error("A {} login could not be completed", login.provider(), failure);
                        return redirect(exchange, "/?error=login-failed");
                    });
        });
    }

    @Override
    public Mono<Void> onAuthenticationFailure(WebFilterExchange filterExchange, AuthenticationException exception) {
        String code = exception instanceof OAuth2AuthenticationException oauth
                ? oauth.getError().getErrorCode() : "login-failed";
        log.info("A login was refused: {}", code);
        return redirect(filterExchange.getExchange(), "/?error=" + code.replaceAll("[^a-z_-]", ""));
    }

    private Mono<Void> redirect(ServerWebExchange exchange, String location) {
        return redirects.sendRedirect(exchange, URI.create(location));
    }

    private static ExternalLogin login(OAuth2AuthenticationToken authentication, OAuth2AuthorizedClient client) {
        Map<String, Object> user = authentication.getPrincipal().getAttributes();
        String id = String.valueOf(user.get("id"));
        if (LoginConfiguration.TWITCH.equals(authentication.getAuthorizedClientRegistrationId())) {
            String login = String.valueOf(user.get("login"));
            TwitchToken token = new TwitchToken(client.getAccessToken().getTokenValue(),
                    client.getRefreshToken() == null ? null : client.getRefreshToken().getTokenValue(),
                    Objects.requireNonNullElse(client.getAccessToken().getExpiresAt(), Instant.now()),
                    List.copyOf(client.getAccessToken().getScopes()));
            return new ExternalLogin(Provider.TWITCH, id, login,
                    String.valueOf(user.getOrDefault("display_name", login)), token);
        }
        String username = String.valueOf(user.get("username"));
        Object globalName = user.get("global_name");
        return new ExternalLogin(Provider.DISCORD, id, username, globalName == null ? username : globalName.toString(),
                null);
    }
}
