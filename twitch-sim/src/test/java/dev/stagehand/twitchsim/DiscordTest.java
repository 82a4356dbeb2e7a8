package dev.stagehand.twitchsim;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stagehand.twitchsim.discord.SimDiscord;
import dev.stagehand.twitchsim.discord.SimWebhook;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The simulated Discord: webhooks with Discord's limits and rate limits, and OAuth2 login. */
class DiscordTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private TwitchSim sim;
    private SimWebhook webhook;
    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    @BeforeEach
    void start() {
        sim = TwitchSim.start(0);
        webhook = sim.discord().createWebhook("Go-live alerts");
    }

    @AfterEach
    void stop() {
        sim.close();
    }

    @Test
    void executesAWebhookAndRecordsTheDelivery() throws Exception {
        HttpResponse<String> posted = send("POST", webhookUrl() + "?wait=true",
                "{\"content\":\"pixelpanda is live!\",\"embeds\":[{\"title\":\"cozy morning chat\",\"color\":6570404}]}");
        assertThat(posted.statusCode()).isEqualTo(200);
        JsonNode message = JSON.readTree(posted.body());
        assertThat(message.get("webhook_id").asString()).isEqualTo(webhook.id());
        assertThat(message.at("/embeds/0/title").asString()).isEqualTo("cozy morning chat");
        assertThat(posted.headers().firstValue("X-RateLimit-Limit")).contains("5");
        assertThat(posted.headers().firstValue("X-RateLimit-Remaining")).contains("4");

        assertThat(send("POST", webhookUrl(), "{\"content\":\"no wait\"}").statusCode()).isEqualTo(204);
        assertThat(sim.discord().deliveriesTo(webhook.id())).hasSize(2)
                .first().satisfies(delivery -> assertThat(delivery.body()).containsEntry("content",
                        "pixelpanda is live!"));
    }

    @Test
    void editsAndDeletesAMessage() throws Exception {
        String id = JSON.readTree(send("POST", webhookUrl() + "?wait=true", "{\"content\":\"live\"}").body())
                .get("id").asString();
        HttpResponse<String> edited = send("PATCH", webhookUrl() + "/messages/" + id,
                "{\"content\":\"was live for 2 h 14 min\"}");
        assertThat(edited.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(edited.body()).get("edited_timestamp").isNull()).isFalse();
        assertThat(send("DELETE", webhookUrl() + "/messages/" + id, null).statusCode()).isEqualTo(204);
        assertThat(send("DELETE", webhookUrl() + "/messages/" + id, null).body()).contains("Unknown Message");
        assertThat(sim.discord().deliveriesTo(webhook.id())).extracting(d -> d.method())
                .containsExactly("POST", "PATCH", "DELETE");
    }

    @Test
    void enforcesDiscordsLimitsWithItsErrorDocuments() throws Exception {
        HttpResponse<String> tooLong = toFreshWebhook( "{\"content\":\"" + "x".repeat(2001) + "\"}");
        assertThat(tooLong.statusCode()).isEqualTo(400);
        JsonNode error = JSON.readTree(tooLong.body());
        assertThat(error.get("code").asInt()).isEqualTo(50035);
        assertThat(error.at("/errors/content/_errors/0/message").asString())
                .isEqualTo("Must be 2000 or fewer in length.");

        HttpResponse<String> longTitle = toFreshWebhook(
                "{\"embeds\":[{\"title\":\"" + "t".repeat(257) + "\"}]}");
        assertThat(JSON.readTree(longTitle.body()).at("/errors/embeds/0/title/_errors/0/message").asString())
                .isEqualTo("Must be 256 or fewer in length.");
        assertThat(toFreshWebhook( "{\"embeds\":[" + "{\"title\":\"a\"},".repeat(10)
                + "{\"title\":\"b\"}]}").statusCode()).isEqualTo(400);
        assertThat(toFreshWebhook( "{\"embeds\":[{\"description\":\"" + "d".repeat(4000)
                + "\"},{\"description\":\"" + "d".repeat(4000) + "\"}]}").body()).contains("6000");
        assertThat(JSON.readTree(toFreshWebhook( "{}").body()).get("code").asInt()).isEqualTo(50006);
        assertThat(JSON.readTree(toFreshWebhook( "{\"content\":").body()).get("code").asInt())
                .isEqualTo(50109);
        assertThat(sim.discord().deliveries()).isEmpty();
    }

    @Test
    void aDeletedWebhookOrAWrongTokenIsUnknown() throws Exception {
        HttpResponse<String> wrongToken = send("POST", sim.discordUrl() + "/api/webhooks/" + webhook.id()
                + "/not-the-token", "{\"content\":\"hi\"}");
        assertThat(wrongToken.statusCode()).isEqualTo(404);
        assertThat(send("GET", webhookUrl(), null).statusCode()).isEqualTo(200);
        sim.discord().deleteWebhook(webhook.id());
        HttpResponse<String> deleted = send("POST", webhookUrl(), "{\"content\":\"hi\"}");
        assertThat(deleted.statusCode()).isEqualTo(404);
        assertThat(JSON.readTree(deleted.body()).get("code").asInt()).isEqualTo(10015);
    }

    @Test
    void rateLimitsAWebhookAfterFiveRequestsInTwoSeconds() throws Exception {
        for (int i = 0; i < 5; i++) {
            assertThat(send("POST", webhookUrl(), "{\"content\":\"" + i + "\"}").statusCode()).isEqualTo(204);
        }
        HttpResponse<String> limited = send("POST", webhookUrl(), "{\"content\":\"sixth\"}");
        assertThat(limited.statusCode()).isEqualTo(429);
        JsonNode body = JSON.readTree(limited.body());
        assertThat(body.get("retry_after").asDouble()).isBetween(0.0, 2.0);
        assertThat(body.get("global").asBoolean()).isFalse();
        assertThat(limited.headers().firstValue("Retry-After")).isPresent();
        assertThat(limited.headers().firstValue("X-RateLimit-Remaining")).contains("0");
        assertThat(sim.discord().deliveries()).hasSize(5);
    }

    @Test
    void canAnswer429EvenWhileItsHeadersSayRequestsRemain() throws Exception {
        sim.discord().rateLimitNext(webhook.id(), Duration.ofMillis(1500));
        HttpResponse<String> limited = send("POST", webhookUrl(), "{\"content\":\"hi\"}");
        assertThat(limited.statusCode()).isEqualTo(429);
        assertThat(JSON.readTree(limited.body()).get("retry_after").asDouble()).isEqualTo(1.5);
        assertThat(limited.headers().firstValue("X-RateLimit-Remaining")).isNotEqualTo("0");
        assertThat(send("POST", webhookUrl(), "{\"content\":\"hi\"}").statusCode()).isEqualTo(204);
    }

    @Test
    void logsAUserInWithOAuth2() throws Exception {
        sim.discord().approveAs("modmin");
        String redirect = "http://127.0.0.1:1/login/discord";
        HttpResponse<String> authorize = send("GET", sim.discordUrl() + "/oauth2/authorize?response_type=code"
                + "&client_id=" + SimDiscord.CLIENT_ID + "&scope=identify%20email&state=xyz&redirect_uri="
                + URLEncoder.encode(redirect, StandardCharsets.UTF_8), null);
        assertThat(authorize.statusCode()).isEqualTo(302);
        String location = authorize.headers().firstValue("Location").orElseThrow();
        assertThat(location).startsWith(redirect).contains("state=xyz");
        String code = location.replaceAll(".*code=([^&]+).*", "$1");

        String basic = Base64.getEncoder().encodeToString((SimDiscord.CLIENT_ID + ":" + SimDiscord.CLIENT_SECRET)
                .getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> token = http.send(HttpRequest.newBuilder(URI.create(sim.discordUrl()
                        + "/api/oauth2/token"))
                .header("Authorization", "Basic " + basic)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=authorization_code&code=" + code
                        + "&redirect_uri=" + URLEncoder.encode(redirect, StandardCharsets.UTF_8))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(token.statusCode()).isEqualTo(200);
        String accessToken = JSON.readTree(token.body()).get("access_token").asString();

        JsonNode me = JSON.readTree(http.send(HttpRequest.newBuilder(URI.create(sim.discordUrl()
                        + "/api/v10/users/@me")).header("Authorization", "Bearer " + accessToken).build(),
                HttpResponse.BodyHandlers.ofString()).body());
        assertThat(me.get("username").asString()).isEqualTo("modmin");
        assertThat(me.get("email").asString()).isEqualTo("modmin@example.test");

        assertThat(send("GET", sim.discordUrl() + "/api/users/@me", null).statusCode()).isEqualTo(401);
        assertThat(http.send(HttpRequest.newBuilder(URI.create(sim.discordUrl() + "/api/oauth2/token"))
                        .header("Authorization", "Basic " + basic)
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString("grant_type=authorization_code&code=" + code
                                + "&redirect_uri=" + URLEncoder.encode(redirect, StandardCharsets.UTF_8))).build(),
                HttpResponse.BodyHandlers.ofString()).body()).contains("invalid_grant");
    }

    /** Each limit check on a webhook of its own: Discord rate-limits invalid requests too. */
    private HttpResponse<String> toFreshWebhook(String json) throws Exception {
        return send("POST", sim.discord().createWebhook("limits").url(sim.discordUrl()), json);
    }

    private String webhookUrl() {
        return webhook.url(sim.discordUrl());
    }

    private HttpResponse<String> send(String method, String url, String json) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url));
        if (json != null) {
            request.header("Content-Type", "application/json");
        }
        return http.send(request.method(method, json == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
