package dev.stagehand.gateway.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;

import dev.stagehand.gateway.IntegrationTest;
import dev.stagehand.twitchsim.discord.DiscordDelivery;
import dev.stagehand.twitchsim.discord.SimWebhook;
import dev.stagehand.twitchsim.world.SimGame;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * A stream going live in the simulator reaches the simulated Discord once, through retries and filters, logged, and
 * once per webhook however many of its subscriptions watch it; when it ends for good, the message says so. Its
 * streamers, games and webhooks are its own and it mostly waits on retries, so it runs beside the other tests.
 */
@Order(2)
@Execution(ExecutionMode.CONCURRENT)
class GoLiveDeliveryTest extends IntegrationTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    private record Hook(String id, SimWebhook discord) {
    }

    private Hook hook(WebTestClient admin, Map<String, Object> subscription) {
        SimWebhook discord = sim.discord().createWebhook("go-live");
        String id = (String) admin.post().uri("/api/webhooks")
                .bodyValue(Map.of("name", "Go live", "url", discord.url(sim.discordUrl()))).exchange()
                .expectStatus().isCreated().expectBody(Map.class).returnResult().getResponseBody().get("id");
        admin.post().uri("/api/webhooks/{id}/subscriptions", id).bodyValue(subscription).exchange()
                .expectStatus().isCreated();
        return new Hook(id, discord);
    }

    @SuppressWarnings("unchecked")
    private List<Map<String, Object>> page(WebTestClient admin, String webhookId, String query) {
        return admin.get().uri("/api/webhooks/" + webhookId + "/deliveries?" + query).exchange()
                .expectStatus().isOk().expectBody(List.class).returnResult().getResponseBody();
    }

    private List<Map<String, Object>> log(WebTestClient admin, String webhookId) {
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> entries = admin.get().uri("/api/webhooks/{id}/deliveries", webhookId).exchange()
                .expectStatus().isOk().expectBody(List.class).returnResult().getResponseBody();
        return entries;
    }

    @Test
    void aStreamerGoingLiveIsAnnouncedOnceThroughAServerErrorAndLogged() {
        WebTestClient admin = as(discordUser("golive_admin"));
        sim.world().user("golive_streamer");
        Hook hook = hook(admin, Map.of("streamer", "golive_streamer",
                "options", Map.of("template", "{{streamer}} is live: {{title}} @everyone",
                        "roleMentions", List.of("112233445566778899"))));
        sim.faults().failNext("/discord/api/webhooks/" + hook.discord().id(), 500, 1);

        sim.world().goLive("golive_streamer", sim.world().game("509658", "Just Chatting"), "Coffee and code", 42);
        await().atMost(WAIT).until(() -> !sim.discord().deliveriesTo(hook.discord().id()).isEmpty());

        DiscordDelivery delivery = sim.discord().deliveriesTo(hook.discord().id()).get(0);
        assertThat((String) delivery.body().get("content"))
                .isEqualTo("<@&112233445566778899> Golive_streamer is live: Coffee and code @everyone");
        assertThat(delivery.body().get("allowed_mentions"))
                .isEqualTo(Map.of("parse", List.of(), "roles", List.of("112233445566778899")));
        @SuppressWarnings("unchecked")
        Map<String, Object> embed = ((List<Map<String, Object>>) delivery.body().get("embeds")).get(0);
        assertThat(embed).containsEntry("title", "Coffee and code")
                .containsEntry("url", "https://www.twitch.tv/golive_streamer");

        Map<String, Object> entry = await().atMost(WAIT).until(() -> log(admin, hook.id()),
                log -> !log.isEmpty() && "DELIVERED".equals(log.get(0).get("state"))).get(0);
        assertThat(entry).containsEntry("streamer", "Golive_streamer").containsEntry("messageId",
                delivery.messageId());
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> attempts = (List<Map<String, Object>>) entry.get("attempts");
        assertThat(attempts).extracting(attempt -> attempt.get("status")).containsExactly(500, 200);

        sim.world().goOffline("golive_streamer");
        await().atMost(WAIT).until(() -> sim.discord().deliveriesTo(hook.discord().id()).stream()
                .anyMatch(change -> change.method().equals("PATCH")));
        List<DiscordDelivery> all = sim.discord().deliveriesTo(hook.discord().id());
        assertThat(all).extracting(DiscordDelivery::method).containsExactly("POST", "PATCH");
        assertThat(all.get(1).messageId()).isEqualTo(delivery.messageId());
        assertThat(all.get(1).body().toString()).contains("Golive_streamer was live on Twitch", "Streamed for");
        await().atMost(WAIT).until(() -> log(admin, hook.id()).get(0).get("ended") != null);
        assertThat((String) log(admin, hook.id()).get(0).get("ended")).startsWith("Message edited when the stream ended");
    }

    @Test
    void aWebhookFollowingAStreamerAndTheirGamePostsTheStreamOnce() {
        WebTestClient admin = as(discordUser("both_admin"));
        sim.world().user("both_streamer");
        SimGame game = sim.world().game("990202", "Both Ways Game");
        Hook hook = hook(admin, Map.of("game", "Both Ways Game"));
        admin.post().uri("/api/webhooks/{id}/subscriptions", hook.id()).bodyValue(Map.of("streamer", "both_streamer"))
                .exchange().expectStatus().isCreated();

        sim.world().goLive("both_streamer", game, "Two reasons to watch", 7);

        await().atMost(WAIT).until(() -> log(admin, hook.id()).size() == 2
                && log(admin, hook.id()).stream().anyMatch(entry -> "DELIVERED".equals(entry.get("state"))));
        assertThat(log(admin, hook.id())).extracting(entry -> entry.get("state"), entry -> entry.get("why"))
                .containsExactlyInAnyOrder(tuple("DELIVERED", null), tuple("SKIPPED",
                        "Announced once through this webhook, by its subscription to Both_streamer"));
        assertThat(sim.discord().deliveriesTo(hook.discord().id())).hasSize(1);
        // the log pages back from an entry's cursor, and filters by state on the server
        List<Map<String, Object>> newest = page(admin, hook.id(), "limit=1");
        assertThat(page(admin, hook.id(), "limit=1&before=" + newest.get(0).get("cursor")))
                .singleElement().satisfies(older -> assertThat(older.get("id")).isNotEqualTo(newest.get(0).get("id")));
        assertThat(page(admin, hook.id(), "state=SKIPPED")).singleElement()
                .satisfies(skipped -> assertThat(skipped).containsEntry("state", "SKIPPED"));
        sim.world().goOffline("both_streamer");
    }

    @Test
    void filtersSkipWithAReasonAndADiscordDeletedWebhookIsDisabled() {
        WebTestClient admin = as(discordUser("filter_admin"));
        SimGame speedrun = sim.world().game("990101", "Speedrun Sim");
        Hook english = hook(admin, Map.of("game", "Speedrun Sim", "options", Map.of("languages", List.of("de"))));
        Hook deleted = hook(admin, Map.of("game", "Speedrun Sim"));
        sim.discord().deleteWebhook(deleted.discord().id());

        sim.world().goLive("runner_one", speedrun, "Any% attempts", 5);

        await().atMost(WAIT).until(() -> !log(admin, english.id()).isEmpty());
        assertThat(log(admin, english.id()).get(0)).containsEntry("state", "SKIPPED")
                .containsEntry("why", "The stream's language (en) is not one of de");
        await().atMost(WAIT).until(() -> !log(admin, deleted.id()).isEmpty()
                && "ABANDONED".equals(log(admin, deleted.id()).get(0).get("state")));
        // The webhooks' read model learns of the disabling on its own processor, maybe after the delivery log.
        await().atMost(WAIT).untilAsserted(() -> admin.get().uri("/api/webhooks/{id}", deleted.id()).exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.disabledReason").isEqualTo(
                        "Discord says this webhook no longer exists (deleted in Discord)"));
        String abandoned = (String) log(admin, deleted.id()).get(0).get("id");
        admin.post().uri("/api/webhooks/{id}/deliveries/{n}/redrive", deleted.id(), abandoned).exchange()
                .expectStatus().isEqualTo(409);

        SimWebhook replacement = sim.discord().createWebhook("replacement");
        admin.put().uri("/api/webhooks/{id}", deleted.id())
                .bodyValue(Map.of("name", "Go live", "url", replacement.url(sim.discordUrl()))).exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.disabledReason").doesNotExist();
        admin.post().uri("/api/webhooks/{id}/deliveries/{n}/redrive", deleted.id(), abandoned).exchange()
                .expectStatus().isAccepted();
        await().atMost(WAIT).until(() -> sim.discord().deliveriesTo(replacement.id()).size() == 1);
        await().atMost(WAIT).until(() -> "DELIVERED".equals(log(admin, deleted.id()).get(0).get("state")));
        sim.world().goOffline("runner_one");
    }

    @Test
    void aTestMessageShowsHowAnnouncementsLookOrWhyDiscordRefused() {
        WebTestClient admin = as(discordUser("testing_admin"));
        sim.world().user("quiet_streamer");
        Hook hook = hook(admin, Map.of("streamer", "quiet_streamer"));
        admin.post().uri("/api/webhooks/{id}/test", hook.id()).exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.messageId").isNotEmpty();
        assertThat(sim.discord().deliveriesTo(hook.discord().id()).get(0).body().toString())
                .contains("Test message from Stagehand for \"Go live\"");

        sim.discord().deleteWebhook(hook.discord().id());
        admin.post().uri("/api/webhooks/{id}/test", hook.id()).exchange().expectStatus().isEqualTo(502)
                .expectBody().jsonPath("$.detail").value(detail ->
                        assertThat((String) detail).startsWith("Discord did not post the test message: ")
                                .endsWith("(404)"));
    }
}
