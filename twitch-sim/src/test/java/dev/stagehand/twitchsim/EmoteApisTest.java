package dev.stagehand.twitchsim;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stagehand.twitchsim.emotes.EmoteProvider;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The simulated BetterTTV, FrankerFaceZ, 7TV and Helix emote APIs answer in their providers' shapes. */
class EmoteApisTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private TwitchSim twitch;
    private String channelId;

    @BeforeEach
    void start() {
        twitch = TwitchSim.start(0);
        channelId = twitch.world().user("streamer").id();
    }

    @AfterEach
    void stop() {
        twitch.close();
    }

    @Test
    void betterTtvGlobalAndChannelEmotes() throws Exception {
        JsonNode global = get("/bttv/3/cached/emotes/global");
        assertThat(global.isArray()).isTrue();
        assertThat(global.get(0).has("id")).isTrue();
        assertThat(global.findValuesAsString("code")).contains("FeelsGoodMan");

        assertThat(status("/bttv/3/cached/users/twitch/" + channelId)).isEqualTo(404);
        twitch.thirdPartyEmotes().addChannelEmote(EmoteProvider.BTTV, channelId, "KEKW", false, false);
        JsonNode channel = get("/bttv/3/cached/users/twitch/" + channelId);
        assertThat(channel.at("/channelEmotes/0/code").asString()).isEqualTo("KEKW");
        assertThat(channel.at("/channelEmotes/0/imageType").asString()).isEqualTo("png");
        assertThat(channel.get("sharedEmotes").isArray()).isTrue();
    }

    @Test
    void frankerFaceZGlobalSetsAndRooms() throws Exception {
        JsonNode global = get("/ffz/v1/set/global");
        String defaultSet = global.at("/default_sets/0").asString();
        assertThat(global.at("/sets/" + defaultSet + "/emoticons/0/name").asString()).isEqualTo("LilZ");
        assertThat(global.at("/sets/" + defaultSet + "/emoticons/0/urls/1").asString()).startsWith("http://127.0.0.1");

        assertThat(status("/ffz/v1/room/id/" + channelId)).isEqualTo(404);
        twitch.thirdPartyEmotes().addChannelEmote(EmoteProvider.FFZ, channelId, "OMEGALUL", false, false);
        JsonNode room = get("/ffz/v1/room/id/" + channelId);
        String set = room.at("/room/set").asString();
        assertThat(room.at("/sets/" + set + "/emoticons/0/name").asString()).isEqualTo("OMEGALUL");
    }

    @Test
    void sevenTvSetsMarkZeroWidthEmotesAndServeTheirImages() throws Exception {
        JsonNode global = get("/7tv/v3/emote-sets/global");
        JsonNode rainTime = null;
        for (JsonNode emote : global.get("emotes")) {
            if (emote.get("name").asString().equals("RainTime")) {
                rainTime = emote;
            }
        }
        assertThat(rainTime).isNotNull();
        assertThat(rainTime.get("flags").asInt()).isEqualTo(1);
        assertThat(rainTime.at("/data/flags").asInt()).isEqualTo(256);
        String host = rainTime.at("/data/host/url").asString();
        assertThat(host).startsWith("//127.0.0.1:");
        HttpResponse<byte[]> image = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http:" + host + "/" + rainTime.at("/data/host/files/1/name").asString())).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(image.headers().firstValue("Content-Type")).contains("image/png");
        assertThat(image.body()).startsWith((byte) 0x89, (byte) 'P', (byte) 'N', (byte) 'G');

        assertThat(status("/7tv/v3/users/twitch/" + channelId)).isEqualTo(404);
        twitch.thirdPartyEmotes().addChannelEmote(EmoteProvider.SEVENTV, channelId, "catJAM", true, false);
        assertThat(get("/7tv/v3/users/twitch/" + channelId).at("/emote_set/emotes/0/name").asString())
                .isEqualTo("catJAM");
    }

    @Test
    void aChannelsEmoteSetChangeShowsAtOnce() throws Exception {
        twitch.thirdPartyEmotes().addChannelEmote(EmoteProvider.SEVENTV, channelId, "catJAM", true, false);
        twitch.thirdPartyEmotes().addChannelEmote(EmoteProvider.SEVENTV, channelId, "pepeD", true, false);
        twitch.thirdPartyEmotes().removeChannelEmote(EmoteProvider.SEVENTV, channelId, "catJAM");
        JsonNode set = get("/7tv/v3/users/twitch/" + channelId).at("/emote_set/emotes");
        assertThat(set.size()).isEqualTo(1);
        assertThat(set.get(0).get("name").asString()).isEqualTo("pepeD");
    }

    @Test
    void aProviderCanBeTakenDown() throws Exception {
        twitch.faults().failNext("/7tv", 503, 1);
        assertThat(status("/7tv/v3/emote-sets/global")).isEqualTo(503);
        assertThat(status("/7tv/v3/emote-sets/global")).isEqualTo(200);
    }

    @Test
    void helixServesTwitchGlobalAndChannelEmotes() throws Exception {
        twitch.chat().emotes().addChannelEmote("streamer", "streamerHype", "emotesv2_abc");
        String token = twitch.world().issueAppToken(TwitchSim.CLIENT_ID).accessToken();
        JsonNode global = helix("/chat/emotes/global", token);
        assertThat(global.get("data").findValuesAsString("name")).contains("Kappa", "PogChamp");
        assertThat(global.get("template").asString()).contains("{{id}}");
        JsonNode channel = helix("/chat/emotes?broadcaster_id=" + channelId, token);
        assertThat(channel.at("/data/0/name").asString()).isEqualTo("streamerHype");
        assertThat(channel.at("/data/0/emote_type").asString()).isEqualTo("subscriptions");
    }

    @Test
    void helixServesChatBadgesWhoseImagesTheSimulatorDraws() throws Exception {
        String token = twitch.world().issueAppToken(TwitchSim.CLIENT_ID).accessToken();
        JsonNode global = helix("/chat/badges/global", token).get("data");
        assertThat(global.findValuesAsString("set_id")).contains("broadcaster", "moderator", "vip", "subscriber");

        twitch.badges().addChannelBadge(channelId, "subscriber/48");
        JsonNode channel = helix("/chat/badges?broadcaster_id=" + channelId, token);
        assertThat(channel.at("/data/0/set_id").asString()).isEqualTo("subscriber");
        assertThat(channel.at("/data/0/versions").findValuesAsString("id")).contains("0", "3", "12", "48");
        HttpResponse<byte[]> image = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create(channel.at("/data/0/versions/0/image_url_1x").asString())).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(image.body()).startsWith((byte) 0x89, (byte) 'P', (byte) 'N', (byte) 'G');
        assertThat(helix("/chat/badges?broadcaster_id=0", token).get("status").asInt()).isEqualTo(400);
    }

    private JsonNode get(String path) throws Exception {
        return JSON.readTree(send(path).body());
    }

    private int status(String path) throws Exception {
        return send(path).statusCode();
    }

    private HttpResponse<String> send(String path) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + twitch.port() + path)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private JsonNode helix(String path, String token) throws Exception {
        return JSON.readTree(HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create(twitch.helixUrl() + path))
                .header("Client-Id", TwitchSim.CLIENT_ID).header("Authorization", "Bearer " + token).build(),
                HttpResponse.BodyHandlers.ofString()).body());
    }
}
