package dev.stagehand.gateway.security;

import dev.stagehand.gateway.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;

/** A configured origin's pages read the public highlight feed; other origins and other routes stay same-origin. */
class PublicApiCorsTest extends IntegrationTest {

    private static final String STREAMER_SITE = "https://streamer.example";

    @Test
    void aConfiguredOriginReadsThePublicFeedAndNothingElse() {
        anonymous().get().uri("/v1.0/clip").header(HttpHeaders.ORIGIN, STREAMER_SITE).exchange()
                .expectStatus().isOk()
                .expectHeader().valueEquals(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, STREAMER_SITE)
                .expectHeader().doesNotExist(HttpHeaders.ACCESS_CONTROL_ALLOW_CREDENTIALS);
        anonymous().options().uri("/v1.0/clip").header(HttpHeaders.ORIGIN, STREAMER_SITE)
                .header(HttpHeaders.ACCESS_CONTROL_REQUEST_METHOD, "GET").exchange()
                .expectStatus().isOk()
                .expectHeader().valueEquals(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, STREAMER_SITE);

        anonymous().get().uri("/v1.0/clip").header(HttpHeaders.ORIGIN, "https://elsewhere.example").exchange()
                .expectHeader().doesNotExist(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN);
        anonymous().method(HttpMethod.OPTIONS).uri("/v1.0/clip").header(HttpHeaders.ORIGIN, STREAMER_SITE)
                .header(HttpHeaders.ACCESS_CONTROL_REQUEST_METHOD, "DELETE").exchange()
                .expectHeader().doesNotExist(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN);
        anonymous().get().uri("/api/rooms").header(HttpHeaders.ORIGIN, STREAMER_SITE).exchange()
                .expectHeader().doesNotExist(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN);
    }
}
