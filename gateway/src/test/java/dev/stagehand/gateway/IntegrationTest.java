package dev.stagehand.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stagehand.twitchsim.TwitchSim;
import dev.stagehand.twitchsim.llm.LlmSim;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Base of the integration tests: the whole application on its embedded PostgreSQL and Kafka, in a fresh data
 * directory under target/, in demo mode, so that its own Twitch simulator (with Discord) serves the logins, and with
 * a simulated model styling the chat rooms. Every
 * subclass shares one Spring context, so the infrastructure starts once per run.
 */
@SpringBootTest(classes = StagehandApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
    "stagehand.operators=twitch:" + IntegrationTest.OPERATOR,
    "stagehand.twitch.tokens.check-interval=2s",
    "stagehand.twitch.tokens.retry-interval=2s",
    "stagehand.emotes.channel-refresh=2s",
    "stagehand.chat.channels-per-connection=2",
    "stagehand.streams.poll-interval=1s",
    "stagehand.streams.comeback-grace=8s",
    "stagehand.streams.max-backoff=2s",
    "stagehand.streams.helix-lag=0s",
    "stagehand.notifications.first-retry=1s",
    "stagehand.highlights.spikes.baseline-windows=10",
    "stagehand.highlights.top-streams.interval=2s",
    "stagehand.public-api.cors-origins=https://streamer.example",
    "stagehand.demo.room-chatters=false",
    "stagehand.rooms.history.retention=30d",
    // Whether the model or the rules style a message is the model's doing in these tests, not a busy machine's.
    "stagehand.rooms.llm.budget=2s",
    "stagehand.api-tokens.requests-per-minute=40",
    "stagehand.metrics.token=" + IntegrationTest.SCRAPE_TOKEN})
@AutoConfigureWebTestClient
public abstract class IntegrationTest {

    /** The Twitch login that configuration names as an operator. */
    public static final String OPERATOR = "opsadmin";
    /**
     * A JUnit resource lock for the classes that put clips in the public feed or count what it holds: they do not run
     * at once.
     */
    public static final String PUBLIC_CLIPS = "public clips feed";
    /**
     * A JUnit resource lock between the tests that start whole applications beside the shared context (restarts,
     * other nodes) and those whose steps have time limits that two busy cores would overrun (the browser scenarios):
     * they do not run at once.
     */
    public static final String APPLICATION_STARTS = "application starts";
    /**
     * The {@code @Order} of the browser scenarios: first among the classes that run one after another, so that they are
     * done before the restarts on the second worker (later in its order) start applications, rather than wait for them.
     */
    public static final int BROWSER_SCENARIOS = 0;
    /** The token Prometheus sends for {@code /actuator/prometheus}. */
    public static final String SCRAPE_TOKEN = "integration-scrape-token";
    private static WebUser operator;
    private static final Path DATA_DIR = Path.of("target", "test-data", UUID.randomUUID().toString());
    /** The small model that styles room messages: a local OpenAI-compatible server, shared like the context. */
    protected static final LlmSim MODEL = LlmSim.start();

    @Autowired
    private WebTestClient web;
    @Autowired
    protected TwitchSim sim;
    @LocalServerPort
    private int port;

    @DynamicPropertySource
    static void dataDirectory(DynamicPropertyRegistry registry) {
        registry.add("stagehand.embedded.data-dir", DATA_DIR::toString);
        registry.add("stagehand.rooms.llm.url", MODEL::url);
    }

    /** A client without a session. */
    protected WebTestClient anonymous() {
        return web.mutate().responseTimeout(Duration.ofSeconds(30)).build();
    }

    protected String baseUrl() {
        return "http://localhost:" + port;
    }

    /** A new browser, not logged in. */
    protected WebUser browser() {
        return new WebUser(baseUrl());
    }

    /** Logs a new browser in with Twitch as {@code login} (registering the account on its first login). */
    protected WebUser twitchUser(String login) {
        return loggedIn(browser(), "twitch", login);
    }

    /** Logs a new browser in with Discord as {@code username}. */
    protected WebUser discordUser(String username) {
        return loggedIn(browser(), "discord", username);
    }

    protected WebTestClient as(WebUser user) {
        return user.client(web);
    }

    /** A client logged in as the operator named in configuration (one login, shared by every test). */
    protected WebTestClient operator() {
        synchronized (IntegrationTest.class) {
            if (operator == null) {
                operator = twitchUser(OPERATOR);
            }
        }
        return as(operator);
    }

    protected String accountId(WebUser user) {
        return (String) as(user).get().uri("/api/me").exchange().expectStatus().isOk()
                .expectBody(Map.class).returnResult().getResponseBody().get("id");
    }

    private static WebUser loggedIn(WebUser user, String provider, String name) {
        assertThat(user.logInAs(provider, name)).isEqualTo("/");
        return user;
    }
}
