package dev.stagehand.gateway.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.stagehand.gateway.IntegrationTest;
import dev.stagehand.gateway.WebUser;
import java.lang.reflect.RecordComponent;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.core.MethodParameter;
import org.springframework.http.HttpMethod;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.reactive.result.method.RequestMappingInfo;
import org.springframework.web.reactive.result.method.annotation.RequestMappingHandlerMapping;

/**
 * Two people, each with data: the second tries every API route there is (found in the application, so that new
 * routes are covered without editing this test), with the first one's ids wherever a route takes an id. Nothing of
 * the first person's may show in an answer, and nothing of theirs may change.
 */
class IsolationTest extends IntegrationTest {

    /** Routes that act on the caller alone by design; calling them would only end the intruder's own session. */
    private static final Set<String> SELF_ENDING = Set.of("DELETE /api/me");
    private static final Pattern VARIABLE = Pattern.compile("\\{([^}]+)}");

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    private RequestMappingHandlerMapping mappings;

    @Test
    void nobodyReadsOrChangesAnotherPersonsData() {
        operator();
        WebUser owner = twitchUser("isolated_owner");
        as(owner).put().uri("/api/me/display-name").bodyValue(Map.of("displayName", "Owner Secretname"))
                .exchange().expectStatus().isOk();
        String ownerId = accountId(owner);
        String channelId = sim.world().user("isolation_target").id();
        as(owner).post().uri("/api/channels").bodyValue(Map.of("channel", "isolation_target")).exchange()
                .expectStatus().isCreated();
        await().atMost(Duration.ofSeconds(20)).until(() -> channels(owner).contains("\"connection\":\"joined\""));
        Map<?, ?> overlay = as(owner).post().uri("/api/overlays")
                .bodyValue(Map.of("name", "Owner Secret Scene", "channelId", channelId)).exchange()
                .expectStatus().isCreated().expectBody(Map.class).returnResult().getResponseBody();
        String overlayId = (String) overlay.get("id");
        String overlayToken = ((String) overlay.get("url")).substring(((String) overlay.get("url")).lastIndexOf('/') + 1);
        String hookUrl = sim.discord().createWebhook("owner's server").url(sim.discordUrl());
        Map<?, ?> webhook = as(owner).post().uri("/api/webhooks")
                .bodyValue(Map.of("name", "Owner Secret Hook", "url", hookUrl)).exchange()
                .expectStatus().isCreated().expectBody(Map.class).returnResult().getResponseBody();
        String webhookId = (String) webhook.get("id");
        Map<?, ?> subscription = as(owner).post().uri("/api/webhooks/{id}/subscriptions", webhookId)
                .bodyValue(Map.of("streamer", "isolation_target")).exchange()
                .expectStatus().isCreated().expectBody(Map.class).returnResult().getResponseBody();
        String subscriptionId = (String) subscription.get("id");
        String before = me(owner);
        String channelsBefore = channels(owner);
        String webhookBefore = webhook(owner, webhookId);

        sim.world().user("intruders_own_channel");
        WebUser intruder = discordUser("curious_intruder");
        List<String> tried = new ArrayList<>();
        for (RequestMappingInfo mapping : mappings.getHandlerMethods().keySet()) {
            for (var pattern : mapping.getPatternsCondition().getPatterns()) {
                String path = pattern.getPatternString();
                if (!path.startsWith("/api/")) {
                    continue;
                }
                for (var method : mapping.getMethodsCondition().getMethods()) {
                    String route = method.name() + " " + path;
                    if (SELF_ENDING.contains(route)) {
                        continue;
                    }
                    tried.add(route);
                    String uri = withIds(path, Map.of("channelId", channelId, "overlayId", overlayId,
                            "webhookId", webhookId, "subscriptionId", subscriptionId), ownerId);
                    EntityExchangeResult<byte[]> result = as(intruder)
                            .method(HttpMethod.valueOf(method.name()))
                            .uri(uri)
                            .bodyValue(intruderBody(mappings.getHandlerMethods().get(mapping), channelId))
                            .exchange().expectBody().returnResult();
                    String body = result.getResponseBodyContent() == null ? ""
                            : new String(result.getResponseBodyContent(), java.nio.charset.StandardCharsets.UTF_8);
                    // An id the intruder sent may come back in the 404's detail; nothing else of the owner's may.
                    String[] secrets = Stream.of(ownerId, "Owner Secretname", "isolated_owner", overlayId,
                            overlayToken, "Owner Secret Scene", webhookId, "Owner Secret Hook", subscriptionId,
                            hookUrl.substring(hookUrl.lastIndexOf('/') + 1)).filter(marker -> !uri.contains(marker))
                            .toArray(String[]::new);
                    assertThat(body).as(route).doesNotContain(secrets);
                    if (path.contains("Id}") || path.contains("{id}")) {
                        assertThat(result.getStatus().value()).as(route + ": another's id").isIn(403, 404);
                    }
                }
            }
        }

        assertThat(tried).contains("GET /api/me", "PUT /api/me/display-name", "GET /api/admin/processors",
                "POST /api/admin/processors/{name}/rebuild", "GET /api/channels/{channelId}",
                "DELETE /api/channels/{channelId}", "GET /api/channels/{channelId}/emotes",
                "POST /api/channels/{channelId}/emotes/refresh", "PUT /api/overlays/{overlayId}",
                "POST /api/overlays/{overlayId}/token", "DELETE /api/overlays/{overlayId}", "PUT /api/webhooks/{webhookId}",
                "DELETE /api/webhooks/{webhookId}/subscriptions/{subscriptionId}");
        assertThat(me(owner)).isEqualTo(before);
        assertThat(channels(owner)).isEqualTo(channelsBefore);
        assertThat(webhook(owner, webhookId)).isEqualTo(webhookBefore);
        as(owner).get().uri("/api/overlays/{id}", overlayId).exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.name").isEqualTo("Owner Secret Scene").jsonPath("$.version").isEqualTo(1)
                .jsonPath("$.url").isEqualTo(overlay.get("url"));
    }

    /** The owner's ids in place of a route's variables: their overlay's, webhook's, channel's, account's. */
    /**
     * What the intruder sends: every field a route might want, cut to those of the route's request record (bodies
     * are read strictly, and an unknown field would be refused before the route looks at the id).
     */
    private static Map<String, Object> intruderBody(HandlerMethod handler, String channelId) {
        Map<String, Object> everything = Map.of("displayName", "Intruder Was Here", "channel",
                "intruders_own_channel", "streamer", "intruders_own_channel", "name", "Intruder Scene",
                "channelId", channelId, "settings", Map.of("theme", "classic", "template", "", "css", "",
                        "fadeSeconds", 0, "maxLines", 5, "hideBots", true, "hideCommands", true, "delaySeconds", 0));
        Class<?> request = Arrays.stream(handler.getMethodParameters())
                .filter(parameter -> parameter.hasParameterAnnotation(RequestBody.class))
                .map(MethodParameter::getParameterType).filter(Class::isRecord).findFirst().orElse(null);
        if (request == null) {
            return everything;
        }
        Set<String> fields = Arrays.stream(request.getRecordComponents()).map(RecordComponent::getName)
                .collect(Collectors.toSet());
        return everything.entrySet().stream().filter(field -> fields.contains(field.getKey()))
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    private static String withIds(String path, Map<String, String> ownerIds, String accountId) {
        Matcher variable = VARIABLE.matcher(path);
        StringBuilder uri = new StringBuilder();
        while (variable.find()) {
            String name = variable.group(1);
            variable.appendReplacement(uri, switch (name) {
                case "provider" -> "twitch";
                case "name" -> "accounts";
                case "version" -> "1";
                default -> ownerIds.getOrDefault(name, accountId);
            });
        }
        variable.appendTail(uri);
        return uri.toString();
    }

    private String webhook(WebUser user, String webhookId) {
        return new String(as(user).get().uri("/api/webhooks/{id}", webhookId).exchange().expectStatus().isOk()
                .expectBody().returnResult().getResponseBodyContent(), java.nio.charset.StandardCharsets.UTF_8);
    }

    private String channels(WebUser user) {
        return new String(as(user).get().uri("/api/channels").exchange().expectStatus().isOk().expectBody()
                .returnResult().getResponseBodyContent(), java.nio.charset.StandardCharsets.UTF_8);
    }

    private String me(WebUser user) {
        return new String(as(user).get().uri("/api/me").exchange().expectStatus().isOk().expectBody().returnResult()
                .getResponseBodyContent(), java.nio.charset.StandardCharsets.UTF_8);
    }
}
