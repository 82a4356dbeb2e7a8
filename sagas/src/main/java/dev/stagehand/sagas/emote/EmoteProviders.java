package dev.stagehand.sagas.emote;

import dev.stagehand.api.chat.ChatRecord.EmoteProvider;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads emote sets from BetterTTV, FrankerFaceZ and 7TV. A channel a provider does not know (404) has no emotes
 * there; any other failure is an {@link EmoteProviderUnavailableException}, so the caller keeps what it had.
 */
@Component
class EmoteProviders {

    private static final Duration TIMEOUT = Duration.ofSeconds(5);

    private final EmoteEndpoints endpoints;
    private final JsonMapper json;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT)
            .followRedirects(HttpClient.Redirect.NORMAL).build();

    EmoteProviders(EmoteEndpoints endpoints, JsonMapper json) {
        this.endpoints = endpoints;
        this.json = json;
    }

    List<Emote> global(EmoteProvider provider) {
        return switch (provider) {
            case BTTV -> fetch(endpoints.betterTtv() + "/3/cached/emotes/global").map(this::bttvEmotes)
                    .orElse(List.of());
            case FFZ -> fetch(endpoints.frankerFaceZ() + "/v1/set/global").map(this::ffzSets).orElse(List.of());
            case SEVENTV -> fetch(endpoints.sevenTv() + "/v3/emote-sets/global").map(set -> sevenTvEmotes(set))
                    .orElse(List.of());
            case TWITCH -> throw new IllegalArgumentException("Twitch emotes come with each message");
        };
    }

    List<Emote> channel(EmoteProvider provider, String channelId) {
        return switch (provider) {
            case BTTV -> fetch(endpoints.betterTtv() + "/3/cached/users/twitch/" + channelId).map(user -> {
                List<Emote> emotes = new ArrayList<>(bttvEmotes(user.path("channelEmotes")));
                emotes.addAll(bttvEmotes(user.path("sharedEmotes")));
                return emotes;
            }).orElse(List.of());
            case FFZ -> fetch(endpoints.frankerFaceZ() + "/v1/room/id/" + channelId).map(this::ffzSets)
                    .orElse(List.of());
            case SEVENTV -> fetch(endpoints.sevenTv() + "/v3/users/twitch/" + channelId)
                    .map(user -> sevenTvEmotes(user.path("emote_set"))).orElse(List.of());
            case TWITCH -> throw new IllegalArgumentException("Twitch emotes come with each message");
        };
    }

    private List<Emote> bttvEmotes(JsonNode list) {
        List<Emote> emotes = new ArrayList<>();
        for (JsonNode emote : list) {
            String id = emote.path("id").asString();
            emotes.add(new Emote(EmoteProvider.BTTV, id, emote.path("code").asString(), false,
                    emote.path("animated").asBoolean(), bttvImage(id)));
        }
        return emotes;
    }

    private List<Emote> ffzSets(JsonNode body) {
        List<Emote> emotes = new ArrayList<>();
        for (JsonNode set : body.path("sets")) {
            for (JsonNode emote : set.path("emoticons")) {
                String url = emote.path("urls").path("1").asString();
                emotes.add(new Emote(EmoteProvider.FFZ, emote.path("id").asString(), emote.path("name").asString(),
                        emote.path("modifier").asBoolean(), false, absolute(url, endpoints.frankerFaceZ())));
            }
        }
        return emotes;
    }

    private List<Emote> sevenTvEmotes(JsonNode set) {
        List<Emote> emotes = new ArrayList<>();
        for (JsonNode emote : set.path("emotes")) {
            JsonNode host = emote.path("data").path("host");
            String base = host.path("url").asString();
            emotes.add(new Emote(EmoteProvider.SEVENTV, emote.path("id").asString(), emote.path("name").asString(),
                    (emote.path("flags").asInt() & 1) == 1, emote.path("data").path("animated").asBoolean(),
                    absolute(base, endpoints.sevenTv()) + "/1x.webp"));
        }
        return emotes;
    }

    /** A protocol-relative image URL ({@code //cdn.7tv.app/...}) with the scheme of the provider's API. */
    private static String absolute(String url, String api) {
        return url.startsWith("//") ? api.substring(0, api.indexOf("//")) + url : url;
    }

    /** BetterTTV's API does not name its image host: its CDN, or in demo mode the simulator beside the API. */
    private String bttvImage(String id) {
        String api = endpoints.betterTtv();
        return api.contains("api.betterttv.net") ? "https://cdn.betterttv.net/emote/" + id + "/1x"
                : api.replaceFirst("/bttv$", "") + "/emotes/bttv/" + id + "/1x";
    }

    private Optional<JsonNode> fetch(String url) {
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(url)).timeout(TIMEOUT)
                    .header("Accept", "application/json").GET().build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() == 404) {
                return Optional.empty();
            }
            if (response.statusCode() != 200) {
                throw new EmoteProviderUnavailableException(url + " answered " + response.statusCode());
            }
            return Optional.of(json.readTree(response.body()));
        } catch (IOException | RuntimeException e) {
            if (e instanceof EmoteProviderUnavailableException unavailable) {
                throw unavailable;
            }
            throw new EmoteProviderUnavailableException(url + " failed: " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new EmoteProviderUnavailableException("interrupted");
        }
    }
}
