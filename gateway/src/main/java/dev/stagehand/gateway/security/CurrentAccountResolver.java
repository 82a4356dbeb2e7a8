package dev.stagehand.gateway.security;

import java.lang.reflect.ParameterizedType;
import java.util.Optional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.MethodParameter;
import org.springframework.security.authentication.AuthenticationCredentialsNotFoundException;
import org.springframework.security.core.context.ReactiveSecurityContextHolder;
import org.springframework.web.reactive.BindingContext;
import org.springframework.web.reactive.config.WebFluxConfigurer;
import org.springframework.web.reactive.result.method.HandlerMethodArgumentResolver;
import org.springframework.web.reactive.result.method.annotation.ArgumentResolverConfigurer;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Hands controllers the logged-in {@link CurrentAccount} (a 401 without one), or an {@code Optional<CurrentAccount>}
 * on routes that anyone may ask.
 */
@Configuration(proxyBeanMethods = false)
class CurrentAccountResolver implements HandlerMethodArgumentResolver, WebFluxConfigurer {

    @Override
    public void configureArgumentResolvers(ArgumentResolverConfigurer configurer) {
        configurer.addCustomResolver(this);
    }

    @Override
    public boolean supportsParameter(MethodParameter parameter) {
        return parameter.getParameterType() == CurrentAccount.class || optional(parameter);
    }

    @Override
    public Mono<Object> resolveArgument(MethodParameter parameter, BindingContext bindingContext,
                                        ServerWebExchange exchange) {
        Mono<CurrentAccount> account = ReactiveSecurityContextHolder.getContext()
                .mapNotNull(context -> context.getAuthentication() instanceof AccountAuthentication authenticated
                        ? authenticated.getPrincipal() : null);
        if (optional(parameter)) {
            return account.<Object>map(Optional::of).defaultIfEmpty(Optional.empty());
        }
        return account.<Object>map(found -> found)
                .switchIfEmpty(Mono.error(() -> new AuthenticationCredentialsNotFoundException("not logged in")));
    }

    private static boolean optional(MethodParameter parameter) {
        return parameter.getParameterType() == Optional.class
                && parameter.getGenericParameterType() instanceof ParameterizedType generic
                && generic.getActualTypeArguments()[0] == CurrentAccount.class;
    }
}
