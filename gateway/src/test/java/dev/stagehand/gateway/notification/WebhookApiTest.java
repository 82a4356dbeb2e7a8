package dev.stagehand.gateway.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.stagehand.api.notification.FindWebhook;
import dev.stagehand.api.notification.WebhookId;
import dev.stagehand.api.notification.WebhookView;
import dev.stagehand.gateway.IntegrationTest;
import dev.stagehand.gateway.WebUser;
import dev.stagehand.twitchsim.discord.SimWebhook;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.reactive.server.WebTestClient;

/** Discord webhooks through the API: checked with Discord, never shown in full, subscribed to streamers and games. */
class WebhookApiTest extends IntegrationTest {

    @Autowired
    private QueryGateway queries;
    @Autowired
    private JdbcClient jdbc;

    @Test
    void aWebhookIsCheckedWithDiscordKeptSecretAndSubscribedToAStreamerAndAGame() {
        WebTestClient admin = as(discordUser("hook_admin"));
        SimWebhook discordHook = sim.discord().createWebhook("announcements");
        String url = discordHook.url(sim.discordUrl());
        Map<?, ?> webhook = admin.post().uri("/api/webhooks").bodyValue(Map.of("name", " Go-live ", "url", url))
                .exchange().expectStatus().isCreated()
                .expectBody(Map.class).returnResult().getResponseBody();
        String id = (String) webhook.get("id");
        assertThat(webhook.get("name")).isEqualTo("Go-live");
        assertThat((String) webhook.get("url")).contains(discordHook.id()).doesNotContain(discordHook.token())
                .endsWith("••••" + discordHook.token().substring(discordHook.token().length() - 4));
        assertThat(sim.discord().deliveriesTo(discordHook.id())).as("checking posts nothing").isEmpty();

        sim.world().user("hook_streamer");
        sim.world().game("509658", "Just Chatting");
        admin.post().uri("/api/webhooks/{id}/subscriptions", id)
                .bodyValue(Map.of("streamer", "HOOK_STREAMER", "options", Map.of("template", "{{streamer}} is live!",
                        "roleMentions", List.of("112233445566778899"), "whenOffline", "DELETE")))
                .exchange().expectStatus().isCreated()
                .expectBody()
                .jsonPath("$.target.kind").isEqualTo("STREAMER")
                .jsonPath("$.target.id").isEqualTo(sim.world().user("hook_streamer").id())
                .jsonPath("$.options.whenOffline").isEqualTo("DELETE");
        Map<?, ?> game = admin.post().uri("/api/webhooks/{id}/subscriptions", id)
                .bodyValue(Map.of("game", "just chatting", "options", Map.of("languages", List.of("en"))))
                .exchange().expectStatus().isCreated()
                .expectBody(Map.class).returnResult().getResponseBody();
        assertThat(((Map<?, ?>) game.get("target")).get("name")).isEqualTo("Just Chatting");
        admin.put().uri("/api/webhooks/{id}/subscriptions/{subscription}", id, game.get("id"))
                .bodyValue(Map.of("options", Map.of("languages", List.of("DE"), "whenOffline", "KEEP")))
                .exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.id").isEqualTo(game.get("id")).jsonPath("$.target.name").isEqualTo("Just Chatting")
                .jsonPath("$.options.languages[0]").isEqualTo("de").jsonPath("$.options.whenOffline").isEqualTo("KEEP");
        admin.put().uri("/api/webhooks/{id}/subscriptions/{subscription}", id, game.get("id"))
                .bodyValue(Map.of("options", Map.of("languages", List.of("german")))).exchange()
                .expectStatus().isBadRequest().expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
        admin.put().uri("/api/webhooks/{id}/subscriptions/{subscription}", id, "5a0c0f00-0000-4000-8000-000000000999")
                .bodyValue(Map.of("options", Map.of())).exchange().expectStatus().isNotFound();
        admin.post().uri("/api/webhooks/{id}/subscriptions", id).bodyValue(Map.of("streamer", "hook_streamer"))
                .exchange().expectStatus().isEqualTo(409)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.detail").isEqualTo("This webhook is already subscribed to Hook_streamer");

        admin.get().uri("/api/webhooks").exchange().expectStatus().isOk()
                .expectBody()
                .jsonPath("$[0].subscriptions.length()").isEqualTo(2)
                .jsonPath("$[0].subscriptions[1].options.whenOffline").isEqualTo("KEEP");
        String listed = new String(admin.get().uri("/api/webhooks").exchange().expectBody().returnResult()
                .getResponseBodyContent(), java.nio.charset.StandardCharsets.UTF_8);
        assertThat(listed).doesNotContain(discordHook.token());
    }

    @Test
    void badUrlsAndUnknownTargetsAreRefusedClearly() {
        WebTestClient admin = as(discordUser("careful_admin"));
        String discordShape = "https://discord.com/api/webhooks/123456789012345678/" + "a".repeat(68);
        for (String bad : List.of("not a url", "https://evil.example/api/webhooks/123456789012345678/" + "a".repeat(68),
                discordShape.replace("https", "http"), "https://discord.com/api/webhooks/12/short",
                discordShape + "?wait=true", "")) {
            admin.post().uri("/api/webhooks").bodyValue(Map.of("name", "x", "url", bad)).exchange()
                    .expectStatus().isBadRequest()
                    .expectBody().jsonPath("$.detail").value(detail ->
                            assertThat((String) detail).startsWith("This is not a Discord webhook URL."));
        }

        SimWebhook gone = sim.discord().createWebhook("deleted soon");
        sim.discord().deleteWebhook(gone.id());
        admin.post().uri("/api/webhooks").bodyValue(Map.of("name", "x", "url", gone.url(sim.discordUrl())))
                .exchange().expectStatus().isBadRequest()
                .expectBody().jsonPath("$.detail").isEqualTo(
                        "Discord does not know this webhook: it may have been deleted. Copy its URL again from Discord.");

        SimWebhook hook = sim.discord().createWebhook("flaky");
        sim.faults().failNext("/discord/api/webhooks/" + hook.id(), 503, 1);
        admin.post().uri("/api/webhooks").bodyValue(Map.of("name", "x", "url", hook.url(sim.discordUrl())))
                .exchange().expectStatus().isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
        String id = (String) admin.post().uri("/api/webhooks")
                .bodyValue(Map.of("name", "x", "url", hook.url(sim.discordUrl()))).exchange()
                .expectStatus().isCreated().expectBody(Map.class).returnResult().getResponseBody().get("id");

        admin.get().uri("/api/webhooks/{id}/deliveries?state=LOST", id).exchange().expectStatus().isBadRequest()
                .expectBody().jsonPath("$.detail")
                .isEqualTo("state must be one of DISPATCHED, RETRYING, DELIVERED, ABANDONED, SKIPPED");
        admin.get().uri("/api/webhooks/{id}/deliveries?before=not-a-cursor", id).exchange()
                .expectStatus().isBadRequest().expectBody().jsonPath("$.detail")
                .isEqualTo("before must be the cursor of a delivery in this log");
        admin.get().uri("/api/webhooks/{id}/deliveries?state=DELIVERED", id).exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.length()").isEqualTo(0);
        admin.post().uri("/api/webhooks/{id}/subscriptions", id).bodyValue(Map.of("streamer", "nobody_streams_here"))
                .exchange().expectStatus().isNotFound()
                .expectBody().jsonPath("$.detail").isEqualTo("Twitch has no channel 'nobody_streams_here'.");
        admin.post().uri("/api/webhooks/{id}/subscriptions", id).bodyValue(Map.of("game", "Not A Real Game 3000"))
                .exchange().expectStatus().isNotFound();
        admin.post().uri("/api/webhooks/{id}/subscriptions", id)
                .bodyValue(Map.of("streamer", "pixelpanda", "game", "Chess")).exchange()
                .expectStatus().isBadRequest();
        admin.post().uri("/api/webhooks/{id}/subscriptions", id)
                .bodyValue(Map.of("streamer", "pixelpanda", "options", Map.of("template", "{{streamer")))
                .exchange().expectStatus().isBadRequest()
                .expectBody().jsonPath("$.detail").isEqualTo(
                        "The template has an unclosed placeholder near '{{streamer'");
        admin.get().uri("/api/webhooks/not-a-webhook-id").exchange().expectStatus().isNotFound();
    }

    @Test
    void aNewUrlReplacesTheOldOneAndDeletingForgetsTheWebhook() {
        WebUser mover = discordUser("moving_admin");
        WebTestClient admin = as(mover);
        SimWebhook first = sim.discord().createWebhook("old channel");
        SimWebhook second = sim.discord().createWebhook("new channel");
        String id = (String) admin.post().uri("/api/webhooks")
                .bodyValue(Map.of("name", "Pings", "url", first.url(sim.discordUrl()))).exchange()
                .expectStatus().isCreated().expectBody(Map.class).returnResult().getResponseBody().get("id");

        admin.put().uri("/api/webhooks/{id}", id).bodyValue(Map.of("name", "Pings", "url", second.url(sim.discordUrl())))
                .exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.url").value(masked -> assertThat((String) masked).contains(second.id()));
        admin.put().uri("/api/webhooks/{id}", id).bodyValue(Map.of("name", "Stream pings")).exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.name").isEqualTo("Stream pings")
                .jsonPath("$.url").value(masked -> assertThat((String) masked).contains(second.id()));

        admin.delete().uri("/api/webhooks/{id}", id).exchange().expectStatus().isNoContent();
        admin.get().uri("/api/webhooks/{id}", id).exchange().expectStatus().isNotFound();
        admin.get().uri("/api/webhooks").exchange().expectBody().jsonPath("$.length()").isEqualTo(0);
        assertThat(jdbc.sql("SELECT count(*) FROM secret WHERE kind = :kind AND owner_id = :owner")
                .param("kind", WebhookRegistrations.SECRET_KIND).param("owner", accountId(mover))
                .query(Long.class).single()).as("both URLs' secrets erased").isZero();
    }

    @Test
    void aDeletedAccountsWebhooksGoWithIt() {
        WebTestClient leaving = as(discordUser("leaving_admin"));
        String id = (String) leaving.post().uri("/api/webhooks")
                .bodyValue(Map.of("name", "Bye", "url", sim.discord().createWebhook("x").url(sim.discordUrl())))
                .exchange().expectStatus().isCreated().expectBody(Map.class).returnResult().getResponseBody()
                .get("id");
        leaving.delete().uri("/api/me").exchange().expectStatus().isNoContent();
        await().atMost(Duration.ofSeconds(20)).until(() -> queries.query(new FindWebhook(new WebhookId(id)),
                ResponseTypes.optionalInstanceOf(WebhookView.class)).join().isEmpty());
    }
}
