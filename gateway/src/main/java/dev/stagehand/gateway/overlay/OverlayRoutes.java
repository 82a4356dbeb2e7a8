package dev.stagehand.gateway.overlay;

import static org.springframework.web.reactive.function.server.RequestPredicates.GET;

import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.io.Resource;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.HandlerMapping;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;
import org.springframework.web.reactive.handler.SimpleUrlHandlerMapping;

/**
 * {@code /overlay/{token}} serves the overlay page under a Content-Security-Policy that lets only Stagehand's own
 * script run: nothing in a streamer's template or a chat message can execute. Images may come from anywhere (emote
 * CDNs), connections only back to Stagehand; only the dashboard may frame it (its live preview).
 */
@Configuration(proxyBeanMethods = false)
class OverlayRoutes {

    static final String POLICY = "default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
            + "img-src * data:; connect-src 'self'; font-src 'self' data:; base-uri 'none'; form-action 'none'; "
            + "frame-ancestors 'self'";

    @Bean
    RouterFunction<ServerResponse> overlayPage(@Value("classpath:/static/overlay.html") Resource page) {
        return RouterFunctions.route(GET("/overlay/{token}"), request -> ServerResponse.ok()
                .contentType(MediaType.TEXT_HTML)
                .header("Content-Security-Policy", POLICY)
                .header("Referrer-Policy", "no-referrer")
                .header("Cache-Control", "no-store")
                .bodyValue(page));
    }

    @Bean
    HandlerMapping overlaySocketMapping(OverlaySocket socket) {
        return new SimpleUrlHandlerMapping(Map.of(OverlaySocket.PATH + "*", socket), Ordered.HIGHEST_PRECEDENCE);
    }
}
