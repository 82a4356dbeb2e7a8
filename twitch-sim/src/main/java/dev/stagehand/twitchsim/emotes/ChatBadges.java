package dev.stagehand.twitchsim.emotes;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import reactor.core.publisher.Mono;
import reactor.netty.http.server.HttpServerRequest;
import reactor.netty.http.server.HttpServerResponse;
import reactor.netty.http.server.HttpServerRoutes;

/**
 * Twitch's chat badges: the global sets, each channel's own subscriber badges (versions 0, 3, 6, 12 and 24 months by
 * default, changeable as a streamer uploads new ones), and their images at {@code /badges/v1/{id}/{scale}}, drawn by
 * the simulator. Helix serves the sets ({@code /helix/chat/badges[/global]}) in Twitch's shape.
 */
public final class ChatBadges {

    private static final List<String> GLOBAL = List.of("broadcaster/1", "moderator/1", "vip/1", "subscriber/0",
            "premium/1", "turbo/1", "partner/1", "staff/1");
    private static final List<String> CHANNEL_DEFAULT = List.of("subscriber/0", "subscriber/3", "subscriber/6",
            "subscriber/12", "subscriber/24");

    private final EmoteImages images = new EmoteImages();
    private final Map<String, Map<String, String>> channels = new ConcurrentHashMap<>();
    private volatile String baseUrl = "";

    /** The simulator's own address, for image URLs. */
    public void baseUrl(String url) {
        baseUrl = url;
    }

    /** Adds a badge ({@code subscriber/48}) to a channel's set, as a streamer uploading one does. */
    public void addChannelBadge(String broadcasterId, String badge) {
        channel(broadcasterId).put(badge, imageId("c" + broadcasterId, badge));
    }

    public void register(HttpServerRoutes routes) {
        routes.get("/badges/v1/{id}/{scale}", this::image);
    }

    /** Helix's {@code data} for the global badges. */
    public List<Map<String, Object>> global() {
        Map<String, String> global = new LinkedHashMap<>();
        GLOBAL.forEach(badge -> global.put(badge, imageId("g", badge)));
        return sets(global);
    }

    /** Helix's {@code data} for a channel's badges. */
    public List<Map<String, Object>> channelSets(String broadcasterId) {
        return sets(channel(broadcasterId));
    }

    private Map<String, String> channel(String broadcasterId) {
        return channels.computeIfAbsent(broadcasterId, id -> {
            Map<String, String> badges = new ConcurrentHashMap<>();
            CHANNEL_DEFAULT.forEach(badge -> badges.put(badge, imageId("c" + id, badge)));
            return badges;
        });
    }

    private List<Map<String, Object>> sets(Map<String, String> badges) {
        Map<String, List<Map<String, Object>>> bySet = new TreeMap<>();
        new TreeMap<>(badges).forEach((badge, imageId) -> {
            String[] parts = badge.split("/", 2);
            String url = baseUrl + "/badges/v1/" + imageId + "/";
            Map<String, Object> version = new LinkedHashMap<>();
            version.put("id", parts[1]);
            version.put("image_url_1x", url + "1");
            version.put("image_url_2x", url + "2");
            version.put("image_url_4x", url + "3");
            version.put("title", parts[0]);
            version.put("description", parts[0]);
            version.put("click_action", null);
            version.put("click_url", null);
            bySet.computeIfAbsent(parts[0], set -> new ArrayList<>()).add(version);
        });
        return bySet.entrySet().stream()
                .map(set -> Map.<String, Object>of("set_id", set.getKey(), "versions", set.getValue())).toList();
    }

    /** Twitch names badge images by UUID; the simulator's ids also say what the image shows. */
    private static String imageId(String scope, String badge) {
        return scope + "-" + badge.replace('/', '-');
    }

    private Mono<Void> image(HttpServerRequest request, HttpServerResponse response) {
        String id = request.param("id");
        String scale = request.param("scale");
        String[] parts = id.split("-");
        String label = parts.length > 1 ? parts[1].substring(0, 1).toUpperCase() + parts[parts.length - 1] : id;
        return response.header("Content-Type", "image/png").header("Cache-Control", "max-age=86400")
                .sendByteArray(Mono.just(images.png("badge-" + id, label,
                        scale.isEmpty() || !Character.isDigit(scale.charAt(0)) ? 1 : scale.charAt(0) - '0'))).then();
    }
}
