package dev.stagehand.gateway.platform;

import static org.springframework.web.reactive.function.server.RequestPredicates.GET;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.Resource;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;

/**
 * The dashboard is one page that routes in the browser: its addresses ({@code /account}, {@code /clips}…) serve that
 * page, so that a reload or a shared link lands where it points. Keep the list in step with frontend/src/pages.ts.
 */
@Configuration(proxyBeanMethods = false)
class DashboardPages {

    private static final String PAGES = "channels|overlays|notifications|analytics|clips|highlights|rooms|admin|account";

    @Bean
    RouterFunction<ServerResponse> dashboardPageRoutes(@Value("classpath:/static/index.html") Resource dashboard) {
        return RouterFunctions.route(GET("/{page:" + PAGES + "}"),
                request -> ServerResponse.ok().contentType(MediaType.TEXT_HTML).bodyValue(dashboard));
    }
}
