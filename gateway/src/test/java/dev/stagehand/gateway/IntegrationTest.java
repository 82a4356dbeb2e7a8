package dev.stagehand.gateway;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.http.HttpHeaders;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Base of the integration tests: the whole application on its embedded PostgreSQL and Kafka, in a fresh data
 * directory under target/. Every subclass shares one Spring context, so the infrastructure starts once per run.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "stagehand.operator.bootstrap-token=" + IntegrationTest.OPERATOR_TOKEN)
@AutoConfigureWebTestClient
public abstract class IntegrationTest {

    public static final String OPERATOR_TOKEN = "integration-test-operator-token";
    private static final Path DATA_DIR = Path.of("target", "test-data", UUID.randomUUID().toString());

    @Autowired
    private WebTestClient web;

    @DynamicPropertySource
    static void dataDirectory(DynamicPropertyRegistry registry) {
        registry.add("stagehand.embedded.data-dir", DATA_DIR::toString);
    }

    /** A client without credentials. */
    protected WebTestClient anonymous() {
        return web.mutate().responseTimeout(Duration.ofSeconds(30)).build();
    }

    /** Registers an account through the API, as an operator would, and returns its id. */
    protected String registerAccount(String displayName) {
        Map<?, ?> created = operator().post().uri("/api/accounts")
                .bodyValue(Map.of("displayName", displayName))
                .exchange()
                .expectStatus().isCreated()
                .expectBody(Map.class).returnResult().getResponseBody();
        return (String) created.get("id");
    }

    /** A client carrying the bootstrap operator token. */
    protected WebTestClient operator() {
        return web.mutate().responseTimeout(Duration.ofSeconds(30))
                .defaultHeader(HttpHeaders.AUTHORIZATION, "Bearer " + OPERATOR_TOKEN).build();
    }
}
