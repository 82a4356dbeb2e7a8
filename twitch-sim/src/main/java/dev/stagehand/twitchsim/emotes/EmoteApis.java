package dev.stagehand.twitchsim.emotes;

import static dev.stagehand.twitchsim.http.Http.json;

import dev.stagehand.twitchsim.http.FaultyRoutes;
import dev.stagehand.twitchsim.world.SimUser;
import dev.stagehand.twitchsim.world.SimWorld;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import reactor.core.publisher.Mono;
import reactor.netty.http.server.HttpServerRequest;
import reactor.netty.http.server.HttpServerResponse;
import reactor.netty.http.server.HttpServerRoutes;

/**
 * BetterTTV ({@code /bttv/3/...}), FrankerFaceZ ({@code /ffz/v1/...}) and 7TV ({@code /7tv/v3/...}) emote APIs in
 * their own JSON shapes, and the images they point at ({@code /emotes/...}).
 */
public final class EmoteApis {

    private final SimWorld world;
    private final ThirdPartyEmotes emotes;
    private final FaultyRoutes faulty;
    private final EmoteImages images = new EmoteImages();
    private volatile String baseUrl = "";

    public EmoteApis(SimWorld world, ThirdPartyEmotes emotes, FaultyRoutes faulty) {
        this.world = world;
        this.emotes = emotes;
        this.faulty = faulty;
    }

    /** The simulator's own address, for image URLs. */
    public void baseUrl(String url) {
        baseUrl = url;
    }

    public void register(HttpServerRoutes routes) {
        routes.get("/bttv/3/cached/emotes/global", faulty.wrap((request, response) ->
                        json(response, 200, emotes.global(EmoteProvider.BTTV).stream().map(this::bttv).toList())))
                .get("/bttv/3/cached/users/twitch/{id}", faulty.wrap(this::bttvUser))
                .get("/ffz/v1/set/global", faulty.wrap(this::ffzGlobal))
                .get("/ffz/v1/room/id/{id}", faulty.wrap(this::ffzRoom))
                .get("/7tv/v3/emote-sets/global", faulty.wrap((request, response) -> json(response, 200,
                        sevenTvSet("global", "Global Emotes", emotes.global(EmoteProvider.SEVENTV)))))
                .get("/7tv/v3/users/twitch/{id}", faulty.wrap(this::sevenTvUser))
                .get("/emotes/{provider}/{id}/{file}", this::image);
    }

    private Mono<Void> bttvUser(HttpServerRequest request, HttpServerResponse response) {
        String id = request.param("id");
        List<SimEmote> channel = emotes.channel(EmoteProvider.BTTV, id);
        Optional<SimUser> user = world.userById(id);
        if (channel == null || user.isEmpty()) {
            return json(response, 404, Map.of("message", "user not found"));
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", "bttv" + id);
        body.put("bots", List.of());
        body.put("avatar", user.get().profileImageUrl());
        body.put("channelEmotes", channel.stream().map(this::bttv).toList());
        body.put("sharedEmotes", List.of());
        return json(response, 200, body);
    }

    private Map<String, Object> bttv(SimEmote emote) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", emote.id());
        json.put("code", emote.code());
        json.put("imageType", emote.animated() ? "gif" : "png");
        json.put("animated", emote.animated());
        json.put("userId", "5561169bd6b9d206222a8c19");
        json.put("modifier", false);
        return json;
    }

    private Mono<Void> ffzGlobal(HttpServerRequest request, HttpServerResponse response) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("default_sets", List.of(3));
        body.put("sets", Map.of("3", ffzSet(3, "Global Emotes", emotes.global(EmoteProvider.FFZ))));
        body.put("users", Map.of());
        return json(response, 200, body);
    }

    private Mono<Void> ffzRoom(HttpServerRequest request, HttpServerResponse response) {
        String id = request.param("id");
        List<SimEmote> channel = emotes.channel(EmoteProvider.FFZ, id);
        Optional<SimUser> user = world.userById(id);
        if (channel == null || user.isEmpty()) {
            return json(response, 404, Map.of("error", "Not Found", "message", "No such room", "status", 404));
        }
        int setId = 200_000 + Math.floorMod(id.hashCode(), 100_000);
        Map<String, Object> room = new LinkedHashMap<>();
        room.put("_id", setId);
        room.put("twitch_id", Long.parseLong(id));
        room.put("id", user.get().login());
        room.put("display_name", user.get().displayName());
        room.put("set", setId);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("room", room);
        body.put("sets", Map.of(Integer.toString(setId), ffzSet(setId, user.get().login() + " Emoticons", channel)));
        return json(response, 200, body);
    }

    private Map<String, Object> ffzSet(int id, String title, List<SimEmote> emoticons) {
        Map<String, Object> set = new LinkedHashMap<>();
        set.put("id", id);
        set.put("_type", 1);
        set.put("title", title);
        set.put("emoticons", emoticons.stream().map(emote -> {
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("id", Long.parseLong(emote.id()));
            json.put("name", emote.code());
            json.put("height", 28);
            json.put("width", 28);
            json.put("public", true);
            json.put("hidden", false);
            json.put("modifier", emote.zeroWidth());
            json.put("urls", Map.of("1", image("ffz", emote, "1"), "2", image("ffz", emote, "2"),
                    "4", image("ffz", emote, "4")));
            return json;
        }).toList());
        return set;
    }

    private Mono<Void> sevenTvUser(HttpServerRequest request, HttpServerResponse response) {
        String id = request.param("id");
        List<SimEmote> channel = emotes.channel(EmoteProvider.SEVENTV, id);
        Optional<SimUser> user = world.userById(id);
        if (channel == null || user.isEmpty()) {
            return json(response, 404, Map.of("status_code", 404, "error", "Unknown User", "error_code", 12000));
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", id);
        body.put("platform", "TWITCH");
        body.put("username", user.get().login());
        body.put("display_name", user.get().displayName());
        body.put("emote_set", sevenTvSet("set-" + id, user.get().displayName() + "'s Emotes", channel));
        return json(response, 200, body);
    }

    private Map<String, Object> sevenTvSet(String id, String name, List<SimEmote> set) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", id);
        json.put("name", name);
        json.put("emotes", set.stream().map(emote -> {
            Map<String, Object> files = new LinkedHashMap<>();
            Map<String, Object> data = new LinkedHashMap<>();
            data.put("id", emote.id());
            data.put("name", emote.code());
            data.put("flags", emote.zeroWidth() ? 256 : 0);
            data.put("animated", emote.animated());
            data.put("host", Map.of("url", baseUrl.replaceFirst("^https?:", "") + "/emotes/7tv/" + emote.id(),
                    "files", Stream.of(1, 2, 3, 4).map(scale -> Map.of("name", scale + "x.webp", "width",
                            28 * scale, "height", 28 * scale, "format", "WEBP")).toList()));
            files.put("id", emote.id());
            files.put("name", emote.code());
            files.put("flags", emote.zeroWidth() ? 1 : 0);
            files.put("data", data);
            return files;
        }).toList());
        return json;
    }

    private Mono<Void> image(HttpServerRequest request, HttpServerResponse response) {
        String id = request.param("id");
        String file = request.param("file");
        int scale = Character.isDigit(file.charAt(0)) ? file.charAt(0) - '0' : 1;
        String label = emotes.codeOf(id).orElse(id);
        // Served as PNG whatever the name says: browsers sniff the content, not the extension.
        return response.header("Content-Type", "image/png").header("Cache-Control", "max-age=86400")
                .sendByteArray(Mono.just(images.png(id, label, scale))).then();
    }

    private String image(String provider, SimEmote emote, String scale) {
        return baseUrl + "/emotes/" + provider + "/" + emote.id() + "/" + scale;
    }
}
