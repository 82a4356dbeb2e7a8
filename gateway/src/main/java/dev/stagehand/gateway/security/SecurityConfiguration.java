package dev.stagehand.gateway.security;

import dev.stagehand.gateway.problem.ProblemWriter;
import java.util.List;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.ReactiveAuthenticationManager;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.config.web.server.SecurityWebFiltersOrder;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.authentication.AuthenticationWebFilter;
import org.springframework.security.web.server.authentication.ServerAuthenticationEntryPointFailureHandler;
import org.springframework.security.web.server.context.NoOpServerSecurityContextRepository;
import reactor.core.publisher.Mono;

@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

    static final String OPERATOR = "OPERATOR";
    private static final String BEARER = "Bearer ";

    @Bean
    SecurityWebFilterChain securityWebFilterChain(ServerHttpSecurity http, BootstrapOperatorToken token,
                                                  ProblemWriter problems) {
        AuthenticationWebFilter bearer = new AuthenticationWebFilter(operatorTokenManager(token));
        bearer.setServerAuthenticationConverter(exchange -> Mono
                .justOrEmpty(exchange.getRequest().getHeaders().getFirst(HttpHeaders.AUTHORIZATION))
                .filter(header -> header.startsWith(BEARER))
                .map(header -> new UsernamePasswordAuthenticationToken("operator", header.substring(BEARER.length()))));
        bearer.setSecurityContextRepository(NoOpServerSecurityContextRepository.getInstance());
        bearer.setAuthenticationFailureHandler(new ServerAuthenticationEntryPointFailureHandler(
                (exchange, denied) -> problems.write(exchange, HttpStatus.UNAUTHORIZED,
                        "The bearer token is not valid.")));

        return http
                // Only bearer tokens authenticate so far; no cookie, so nothing for a cross-site request to ride on.
                .csrf(ServerHttpSecurity.CsrfSpec::disable)
                .httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
                .formLogin(ServerHttpSecurity.FormLoginSpec::disable)
                .logout(ServerHttpSecurity.LogoutSpec::disable)
                .securityContextRepository(NoOpServerSecurityContextRepository.getInstance())
                .addFilterAt(bearer, SecurityWebFiltersOrder.AUTHENTICATION)
                .authorizeExchange(exchanges -> exchanges
                        .pathMatchers("/actuator/health/**", "/actuator/info", "/api/platform").permitAll()
                        .pathMatchers("/api/**", "/actuator/**").hasRole(OPERATOR)
                        .anyExchange().permitAll())
                .exceptionHandling(handling -> handling
                        .authenticationEntryPoint((exchange, missing) -> problems.write(exchange,
                                HttpStatus.UNAUTHORIZED, "This needs an operator token: 'Authorization: Bearer <token>'."))
                        .accessDeniedHandler((exchange, denied) -> problems.write(exchange, HttpStatus.FORBIDDEN,
                                "This needs the operator role.")))
                .build();
    }

    private static ReactiveAuthenticationManager operatorTokenManager(BootstrapOperatorToken token) {
        return authentication -> token.matches(String.valueOf(authentication.getCredentials()))
                ? Mono.just(new UsernamePasswordAuthenticationToken("operator", null,
                        List.of(new SimpleGrantedAuthority("ROLE_" + OPERATOR))))
                : Mono.error(new BadCredentialsException("invalid bearer token"));
    }
}
