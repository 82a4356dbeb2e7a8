package dev.stagehand.gateway.openapi;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stagehand.gateway.IntegrationTest;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.result.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.util.pattern.PathPattern;
import tools.jackson.databind.JsonNode;

/**
 * The OpenAPI document holds every route of the API that a controller serves (a route missing from it fails here),
 * with its parameters and the problem documents it may answer; it and its viewer are for logged-in users.
 */
class OpenApiTest extends IntegrationTest {

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    private RequestMappingHandlerMapping routes;

    private JsonNode document(WebTestClient client) {
        return client.get().uri("/v3/api-docs").exchange().expectStatus().isOk()
                .expectBody(JsonNode.class).returnResult().getResponseBody();
    }

    @Test
    void everyRouteOfTheApiIsInTheDocumentWithItsParametersAndProblems() {
        JsonNode paths = document(as(twitchUser("openapi_reader"))).path("paths");
        List<String> missing = new ArrayList<>();
        int routesSeen = 0;
        for (var mapping : routes.getHandlerMethods().entrySet()) {
            if (mapping.getValue().getBeanType().getPackageName().startsWith("org.springdoc")) {
                continue;
            }
            for (PathPattern pattern : mapping.getKey().getPatternsCondition().getPatterns()) {
                String path = pattern.getPatternString();
                if (!path.startsWith("/api/") && !path.startsWith("/v1.0/")) {
                    continue;
                }
                for (var method : mapping.getKey().getMethodsCondition().getMethods()) {
                    routesSeen++;
                    if (paths.path(path).path(method.name().toLowerCase(Locale.ROOT)).isMissingNode()) {
                        missing.add(method + " " + path);
                    }
                }
            }
        }
        assertThat(routesSeen).isGreaterThan(80);
        assertThat(missing).as("routes missing from /v3/api-docs").isEmpty();

        JsonNode history = paths.path("/api/rooms/{room}/messages").path("get");
        assertThat(history.path("parameters").valueStream().map(parameter -> parameter.path("name").asString()))
                .containsExactlyInAnyOrder("room", "before", "beforeId", "limit");
        assertThat(paths.path("/api/channels/{channelId}/stats").path("get").path("parameters").valueStream()
                .map(parameter -> parameter.path("name").asString())).containsExactly("channelId");
        JsonNode tokens = paths.path("/api/me/tokens").path("post");
        assertThat(tokens.path("parameters").isMissingNode() || tokens.path("parameters").isEmpty()).isTrue();
        assertThat(tokens.path("requestBody").path("content").path("application/json").path("schema").toString())
                .contains("NewToken");
        assertThat(tokens.path("responses").path("400").path("content").path("application/problem+json")
                .path("schema").path("$ref").asString()).isEqualTo("#/components/schemas/Problem");
    }

    @Test
    void theDocumentAndItsViewerAreForLoggedInUsers() {
        anonymous().get().uri("/v3/api-docs").exchange().expectStatus().isUnauthorized();
        WebTestClient user = as(twitchUser("openapi_viewer"));
        String viewer = user.get().uri("/api-docs").exchange().expectStatus().is3xxRedirection()
                .returnResult(String.class).getResponseHeaders().getLocation().toString();
        // Swagger UI writes style elements: its pages allow inline styles, and nothing else more than the dashboard.
        user.get().uri(viewer).exchange().expectStatus().isOk()
                .expectHeader().valueEquals("Content-Security-Policy", "default-src 'self'; script-src 'self'; "
                        + "style-src 'self' 'unsafe-inline'; style-src-attr 'unsafe-inline'; img-src * data: blob:; "
                        + "connect-src 'self'; font-src 'self' data:; frame-src 'self'; object-src 'none'; "
                        + "base-uri 'none'; form-action 'self'; frame-ancestors 'self'");
    }
}
