package dev.stagehand.gateway.twitch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.stagehand.gateway.IntegrationTest;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.Test;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.test.web.reactive.server.WebTestClient;

/** Demo mode's Discord: a webhook of the simulated channel to add, and that channel's messages, as Discord has them. */
class DemoDiscordTest extends IntegrationTest {

    @Test
    void aNewcomerAddsTheDemoChannelAndSeesWhatDiscordShows() {
        WebTestClient newcomer = as(twitchUser("demo_newcomer"));
        Map<String, Object> demo = newcomer.post().uri("/api/demo/discord/webhooks").exchange()
                .expectStatus().isCreated().expectBody(new ParameterizedTypeReference<Map<String, Object>>() { })
                .returnResult().getResponseBody();
        String discordId = (String) demo.get("id");
        assertThat((String) demo.get("url")).contains("/discord/api/webhooks/" + discordId + "/");

        Map<?, ?> webhook = newcomer.post().uri("/api/webhooks")
                .bodyValue(Map.of("name", "Demo Discord channel", "url", demo.get("url"))).exchange()
                .expectStatus().isCreated().expectBody(Map.class).returnResult().getResponseBody();
        assertThat(messages(newcomer, discordId)).isEmpty();
        newcomer.post().uri("/api/webhooks/{id}/test", webhook.get("id")).exchange().expectStatus().isOk();
        await().atMost(Duration.ofSeconds(10)).until(() -> messages(newcomer, discordId).size() == 1);
        assertThat(messages(newcomer, discordId).get(0).get("embeds"))
                .asInstanceOf(InstanceOfAssertFactories.LIST).isNotEmpty();

        newcomer.get().uri("/api/demo/discord/webhooks/not-a-snowflake/messages").exchange()
                .expectStatus().isNotFound();
        anonymous().get().uri("/api/demo/discord/webhooks/{id}/messages", discordId).exchange()
                .expectStatus().isUnauthorized();
    }

    private List<Map<String, Object>> messages(WebTestClient client, String discordId) {
        return client.get().uri("/api/demo/discord/webhooks/{id}/messages", discordId).exchange()
                .expectStatus().isOk().expectBody(new ParameterizedTypeReference<List<Map<String, Object>>>() { })
                .returnResult().getResponseBody();
    }
}
