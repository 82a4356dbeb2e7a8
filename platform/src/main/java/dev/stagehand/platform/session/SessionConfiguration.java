package dev.stagehand.platform.session;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.server.adapter.WebHttpHandlerBuilder;
import org.springframework.web.server.session.CookieWebSessionIdResolver;
import org.springframework.web.server.session.DefaultWebSessionManager;
import org.springframework.web.server.session.WebSessionManager;

/**
 * Sessions live in PostgreSQL, so a login survives a restart and works on every node without sticky sessions. The
 * cookie is HttpOnly, SameSite=Lax (the OAuth provider's redirect back must carry it) and Secure over HTTPS.
 */
@Configuration(proxyBeanMethods = false)
class SessionConfiguration {

    static final String COOKIE = "STAGEHAND_SESSION";

    @Bean(WebHttpHandlerBuilder.WEB_SESSION_MANAGER_BEAN_NAME)
    WebSessionManager webSessionManager(JdbcWebSessionStore store) {
        CookieWebSessionIdResolver cookies = new CookieWebSessionIdResolver();
        cookies.setCookieName(COOKIE);
        cookies.addCookieInitializer(cookie -> cookie.httpOnly(true).sameSite("Lax").path("/"));
        DefaultWebSessionManager manager = new DefaultWebSessionManager();
        manager.setSessionStore(store);
        manager.setSessionIdResolver(cookies);
        return manager;
    }

}
