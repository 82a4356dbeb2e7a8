package dev.stagehand.gateway.security;

import dev.stagehand.platform.problem.ProblemWriter;
import java.time.Duration;
import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.web.server.SecurityWebFiltersOrder;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.oauth2.client.registration.ReactiveClientRegistrationRepository;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.authentication.logout.DelegatingServerLogoutHandler;
import org.springframework.security.web.server.authentication.logout.HttpStatusReturningServerLogoutSuccessHandler;
import org.springframework.security.web.server.authentication.logout.SecurityContextServerLogoutHandler;
import org.springframework.security.web.server.authentication.logout.WebSessionServerLogoutHandler;
import org.springframework.security.web.server.csrf.CookieServerCsrfTokenRepository;
import org.springframework.security.web.server.csrf.CsrfToken;
import org.springframework.security.web.server.csrf.CsrfWebFilter;
import org.springframework.security.web.server.csrf.ServerCsrfTokenRequestAttributeHandler;
import org.springframework.security.web.server.firewall.ServerExchangeRejectedHandler;
import org.springframework.security.web.server.header.XFrameOptionsServerHttpHeadersWriter.Mode;
import org.springframework.security.web.server.util.matcher.AndServerWebExchangeMatcher;
import org.springframework.security.web.server.util.matcher.NegatedServerWebExchangeMatcher;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatcher;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatchers;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.reactive.CorsConfigurationSource;
import org.springframework.web.cors.reactive.UrlBasedCorsConfigurationSource;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import reactor.core.publisher.Mono;

/**
 * Logins through Twitch or Discord into a session cookie; every state-changing request carries the CSRF token (the
 * dashboard copies the {@code XSRF-TOKEN} cookie into the {@code X-XSRF-TOKEN} header); scripts send a personal API
 * token instead ({@link ApiTokens}), which needs no CSRF token. The API needs a login or a token, the
 * admin API and the actuator the operator role (metrics also a scraper's token); the dashboard's files and health are
 * public.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

    /**
     * Only Stagehand's own scripts and style sheets (style attributes for colours set at run time), images from
     * anywhere (emote and clip CDNs, the simulator in demo mode), connections and frames back to Stagehand only.
     */
    static final String DASHBOARD_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
            + "style-src-attr 'unsafe-inline'; img-src * data: blob:; connect-src 'self'; font-src 'self' data:; "
            + "frame-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'self'";

    /** The API's viewer (Swagger UI) writes style elements of its own: its pages allow inline styles, no more. */
    static final String VIEWER_POLICY = DASHBOARD_POLICY.replace("style-src 'self';",
            "style-src 'self' 'unsafe-inline';");
    static final String VIEWER = "/swagger-ui/";
    private static final String CONTENT_SECURITY_POLICY = "Content-Security-Policy";

    /**
     * Requests Spring Security's firewall refuses (an encoded {@code ../}, {@code %00}, {@code ;} in a path) get a
     * problem document like every other error, instead of an empty 400.
     */
    @Bean
    ServerExchangeRejectedHandler rejectedRequests(ProblemWriter problems) {
        return (exchange, rejected) -> problems.write(exchange, HttpStatus.BAD_REQUEST, "This address is refused: "
                + "it holds what could lead to another path (an encoded '.', '/', '\\' or '%', a ';', a null or "
                + "another control character).");
    }

    @Bean
    SecurityWebFilterChain securityWebFilterChain(ServerHttpSecurity http, ProblemWriter problems,
                                                  AccountSecurityContextRepository contexts,
                                                  ReactiveClientRegistrationRepository registrations,
                                                  LoginSuccessHandler logins, MetricsScrapeAccess scrapers,
                                                  PublicApiProperties publicApi) {
        CookieServerCsrfTokenRepository csrfTokens = CookieServerCsrfTokenRepository.withHttpOnlyFalse();
        csrfTokens.setCookieCustomizer(cookie -> cookie.sameSite("Strict"));
        SecurityContextServerLogoutHandler forgetAccount = new SecurityContextServerLogoutHandler();
        forgetAccount.setSecurityContextRepository(contexts);

        return http
                .securityContextRepository(contexts)
                .csrf(csrf -> csrf
                        // Twitch's EventSub callback proves itself with a signature, not a browser's CSRF token.
                        // A script's API token is no cookie a browser sends on its own: no CSRF to fear.
                        .requireCsrfProtectionMatcher(new AndServerWebExchangeMatcher(
                                CsrfWebFilter.DEFAULT_CSRF_MATCHER,
                                new NegatedServerWebExchangeMatcher(
                                        ServerWebExchangeMatchers.pathMatchers("/eventsub/callback")),
                                exchange -> ApiTokens.sentWith(exchange).isPresent()
                                        ? ServerWebExchangeMatcher.MatchResult.notMatch()
                                        : ServerWebExchangeMatcher.MatchResult.match()))
                        .csrfTokenRepository(csrfTokens)
                        .csrfTokenRequestHandler(new ServerCsrfTokenRequestAttributeHandler())
                        .accessDeniedHandler((exchange, denied) -> problems.write(exchange, HttpStatus.FORBIDDEN,
                                "This request needs the CSRF token: send the XSRF-TOKEN cookie's value in the "
                                        + "X-XSRF-TOKEN header.")))
                .addFilterAfter(issueCsrfCookie(), SecurityWebFiltersOrder.CSRF)
                .cors(cors -> cors.configurationSource(publicReads(publicApi)))
                // The dashboard frames its own overlay page as a live preview; nobody else may frame anything. The
                // overlay page sets a stricter policy of its own, which this one does not replace.
                .headers(headers -> headers.frameOptions(frames -> frames.mode(Mode.SAMEORIGIN))
                        .writer(SecurityConfiguration::contentSecurityPolicy))
                .httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
                .formLogin(ServerHttpSecurity.FormLoginSpec::disable)
                .oauth2Login(login -> login
                        .loginPage("/")
                        .clientRegistrationRepository(registrations)
                        .authorizedClientRepository(new LoginTokenCapture())
                        .authenticationManager(LoginConfiguration.authenticationManager())
                        .securityContextRepository(contexts)
                        .authenticationSuccessHandler(logins)
                        .authenticationFailureHandler(logins))
                .logout(logout -> logout
                        .logoutUrl("/logout")
                        .logoutHandler(new DelegatingServerLogoutHandler(forgetAccount,
                                new WebSessionServerLogoutHandler()))
                        .logoutSuccessHandler(new HttpStatusReturningServerLogoutSuccessHandler(HttpStatus.NO_CONTENT)))
                .authorizeExchange(exchanges -> exchanges
                        .pathMatchers("/actuator/health/**", "/actuator/info", "/api/platform", "/api/health")
                        .permitAll()
                        // Anyone may read the chat rooms and the public highlight feed; the rest needs a login.
                        .pathMatchers(HttpMethod.GET, "/api/rooms", "/api/rooms/*", "/api/rooms/*/messages",
                                "/v1.0/clip")
                        .permitAll()
                        // A channel's statistics, when its broadcaster made them public (the controller checks).
                        .pathMatchers(HttpMethod.GET, "/api/channels/*/stats", "/api/channels/*/stats/series")
                        .permitAll()
                        .pathMatchers("/actuator/prometheus").access(scrapers)
                        // The API's OpenAPI document and its viewer, for logged-in users.
                        .pathMatchers("/v3/api-docs/**", "/api-docs", "/swagger-ui/**")
                        .hasRole(AccountAuthentication.USER)
                        .pathMatchers("/api/admin/**", "/actuator/**").hasRole(AccountAuthentication.OPERATOR)
                        .pathMatchers("/api/**", "/v1.0/**").hasRole(AccountAuthentication.USER)
                        .anyExchange().permitAll())
                .exceptionHandling(handling -> handling
                        .authenticationEntryPoint((exchange, missing) -> problems.write(exchange,
                                HttpStatus.UNAUTHORIZED, ApiTokens.sentWith(exchange).isPresent()
                                        ? ApiTokens.UNKNOWN
                                        : "Log in with Twitch or Discord first."))
                        .accessDeniedHandler((exchange, denied) -> problems.write(exchange, HttpStatus.FORBIDDEN,
                                "This needs the operator role.")))
                .build();
    }

    /**
     * A streamer's own website may read the public APIs (the highlight feed) from the browser, if its origin is
     * configured; every other route stays same-origin, and no cross-origin request carries cookies.
     */
    private static CorsConfigurationSource publicReads(PublicApiProperties publicApi) {
        CorsConfiguration reads = new CorsConfiguration();
        reads.setAllowedOrigins(publicApi.corsOrigins());
        reads.setAllowedMethods(List.of("GET"));
        reads.setAllowCredentials(false);
        reads.setMaxAge(Duration.ofHours(1));
        UrlBasedCorsConfigurationSource source = new UrlBasedCorsConfigurationSource();
        source.registerCorsConfiguration("/v1.0/clip", reads);
        return source;
    }

    /** The dashboard's policy, or the viewer's on its pages, where a response has none of its own (the overlay). */
    private static Mono<Void> contentSecurityPolicy(ServerWebExchange exchange) {
        HttpHeaders headers = exchange.getResponse().getHeaders();
        if (!headers.containsHeader(CONTENT_SECURITY_POLICY)) {
            headers.set(CONTENT_SECURITY_POLICY, exchange.getRequest().getPath().value().startsWith(VIEWER)
                    ? VIEWER_POLICY : DASHBOARD_POLICY);
        }
        return Mono.empty();
    }

    /** The CSRF cookie is written only when someone asks for the token: ask on every response. */
    private static WebFilter issueCsrfCookie() {
        return (exchange, chain) -> {
            Mono<CsrfToken> token = exchange.getAttribute(CsrfToken.class.getName());
            return (token == null ? Mono.<CsrfToken>empty() : token).then(chain.filter(exchange));
        };
    }
}
