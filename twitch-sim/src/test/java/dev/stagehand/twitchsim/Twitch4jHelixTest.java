package dev.stagehand.twitchsim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.philippheuer.credentialmanager.CredentialManager;
import com.github.philippheuer.credentialmanager.CredentialManagerBuilder;
import com.github.philippheuer.credentialmanager.domain.OAuth2Credential;
import com.github.twitch4j.auth.providers.TwitchIdentityProvider;
import com.github.twitch4j.helix.TwitchHelix;
import com.github.twitch4j.helix.TwitchHelixBuilder;
import com.github.twitch4j.helix.domain.Clip;
import com.github.twitch4j.helix.domain.CreateClip;
import com.github.twitch4j.helix.domain.Stream;
import com.github.twitch4j.helix.domain.StreamList;
import com.github.twitch4j.helix.domain.User;
import dev.stagehand.twitchsim.world.SimGame;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The real twitch4j Helix and identity clients, pointed at the simulator by configuration only. */
class Twitch4jHelixTest {

    private TwitchSim twitch;
    private TwitchIdentityProvider identity;
    private TwitchHelix helix;
    private String appToken;

    @BeforeEach
    void start() {
        twitch = TwitchSim.start(0);
        identity = new TwitchIdentityProvider(TwitchSim.CLIENT_ID, TwitchSim.CLIENT_SECRET, "http://127.0.0.1/cb",
                twitch.identityUrl());
        CredentialManager credentials = CredentialManagerBuilder.builder().build();
        credentials.registerIdentityProvider(identity);
        helix = TwitchHelixBuilder.builder()
                .withBaseUrl(twitch.helixUrl())
                .withClientId(TwitchSim.CLIENT_ID)
                .withClientSecret(TwitchSim.CLIENT_SECRET)
                .withCredentialManager(credentials)
                .build();
        appToken = identity.getAppAccessToken().getAccessToken();
    }

    @AfterEach
    void stop() {
        twitch.close();
    }

    @Test
    void anAppTokenFromClientCredentialsValidates() {
        Optional<OAuth2Credential> validated = identity.getAdditionalCredentialInformation(
                new OAuth2Credential("twitch", appToken));
        assertThat(validated).isPresent();
        assertThat(validated.get().getExpiresIn()).isPositive();
        assertThat(validated.get().getUserId()).isNull();
    }

    @Test
    void theAuthorizationCodeFlowApprovesAsTheChosenStreamer() throws Exception {
        twitch.oauth().approveAs("demostreamer");
        String authorizeUrl = identity.getAuthenticationUrl(List.of("clips:edit", "chat:read"), "state-42");
        assertThat(authorizeUrl).startsWith(twitch.identityUrl() + "/authorize");
        HttpResponse<String> approved = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build()
                .send(HttpRequest.newBuilder(URI.create(authorizeUrl)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(approved.statusCode()).isEqualTo(302);
        String location = approved.headers().firstValue("Location").orElseThrow();
        assertThat(location).startsWith("http://127.0.0.1/cb?").contains("state=state-42");

        OAuth2Credential credential = identity.getCredentialByCode(location.replaceAll(".*[?&]code=([^&]+).*", "$1"));
        assertThat(credential.getRefreshToken()).isNotBlank();
        OAuth2Credential validated = identity.getAdditionalCredentialInformation(credential).orElseThrow();
        assertThat(validated.getUserName()).isEqualTo("demostreamer");
        assertThat(validated.getScopes()).containsExactlyInAnyOrder("clips:edit", "chat:read");
    }

    @Test
    void aLoginHintApprovesThatOneRequestAsItsUser() throws Exception {
        twitch.oauth().approveAs("demostreamer");
        String authorizeUrl = identity.getAuthenticationUrl(List.of("chat:read"), "state-43")
                + "&login_hint=Hinted_Viewer";
        HttpResponse<String> approved = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build()
                .send(HttpRequest.newBuilder(URI.create(authorizeUrl)).build(), HttpResponse.BodyHandlers.ofString());
        String location = approved.headers().firstValue("Location").orElseThrow();

        OAuth2Credential credential = identity.getCredentialByCode(location.replaceAll(".*[?&]code=([^&]+).*", "$1"));
        assertThat(identity.getAdditionalCredentialInformation(credential).orElseThrow().getUserName())
                .isEqualTo("hinted_viewer");
    }

    @Test
    void aUserTokenValidatesWithItsLoginAndScopes() {
        String token = twitch.world().issueUserToken(TwitchSim.CLIENT_ID, "streamer", List.of("clips:edit"))
                .accessToken();
        OAuth2Credential validated = identity.getAdditionalCredentialInformation(new OAuth2Credential("twitch", token))
                .orElseThrow();
        assertThat(validated.getUserName()).isEqualTo("streamer");
        assertThat(validated.getUserId()).isEqualTo(twitch.world().user("streamer").id());
        assertThat(validated.getScopes()).containsExactly("clips:edit");
    }

    @Test
    void aRefreshedTokenReplacesTheOldOne() {
        var issued = twitch.world().issueUserToken(TwitchSim.CLIENT_ID, "streamer", List.of("chat:read"));
        OAuth2Credential refreshed = identity.refreshCredential(
                new OAuth2Credential("twitch", issued.accessToken(), issued.refreshToken(), null, null, null, null))
                .orElseThrow();
        assertThat(refreshed.getAccessToken()).isNotEqualTo(issued.accessToken());
        assertThat(identity.getAdditionalCredentialInformation(
                new OAuth2Credential("twitch", issued.accessToken()))).isEmpty();
        assertThat(identity.getAdditionalCredentialInformation(
                new OAuth2Credential("twitch", refreshed.getAccessToken()))).isPresent();
    }

    @Test
    void looksUpUsersByLoginAndId() {
        String streamerId = twitch.world().user("streamer").id();
        twitch.world().user("viewer");
        List<User> users = helix.getUsers(appToken, List.of(streamerId), List.of("viewer", "nobody")).execute()
                .getUsers();
        assertThat(users).extracting(User::getLogin).containsExactlyInAnyOrder("streamer", "viewer");
        assertThat(users).filteredOn(user -> user.getLogin().equals("streamer")).singleElement()
                .satisfies(user -> {
                    assertThat(user.getId()).isEqualTo(streamerId);
                    assertThat(user.getDisplayName()).isEqualTo("Streamer");
                    assertThat(user.getCreatedAt()).isNotNull();
                });
    }

    @Test
    void listsEveryLiveStreamOfAGameAcrossPages() {
        SimGame justChatting = twitch.world().game("509658", "Just Chatting");
        SimGame chess = twitch.world().game("743", "Chess");
        for (int i = 0; i < 250; i++) {
            twitch.world().goLive("talker" + i, justChatting, "Stream " + i, 1000 - i);
        }
        twitch.world().goLive("grandmaster", chess, "Blitz", 5000);

        List<Stream> streams = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            StreamList page = helix.getStreams(appToken, cursor, null, 100, List.of("509658"), null, null, null)
                    .execute();
            streams.addAll(page.getStreams());
            cursor = page.getPagination() == null ? null : page.getPagination().getCursor();
            pages++;
        } while (cursor != null);

        assertThat(pages).isEqualTo(3);
        assertThat(streams).hasSize(250);
        assertThat(new HashSet<>(streams.stream().map(Stream::getUserLogin).toList())).hasSize(250);
        assertThat(streams.get(0).getViewerCount()).isEqualTo(1000);
        assertThat(streams.get(0).getGameName()).isEqualTo("Just Chatting");
        assertThat(streams.get(0).getType()).isEqualTo("live");
        assertThat(streams.get(0).getThumbnailUrl(320, 180)).endsWith("live_user_talker0-320x180.jpg");
    }

    @Test
    void findsStreamsByUserAndSeesThemGoOffline() {
        twitch.world().goLive("streamer", twitch.world().game("743", "Chess"), "Blitz", 10);
        String streamerId = twitch.world().user("streamer").id();
        assertThat(helix.getStreams(appToken, null, null, null, null, null, List.of(streamerId), null).execute()
                .getStreams()).singleElement().satisfies(stream -> assertThat(stream.getTitle()).isEqualTo("Blitz"));

        twitch.world().goOffline("streamer");
        assertThat(helix.getStreams(appToken, null, null, null, null, null, List.of(streamerId), null).execute()
                .getStreams()).isEmpty();
    }

    @Test
    void findsGamesByName() {
        twitch.world().game("743", "Chess");
        assertThat(helix.getGames(appToken, null, List.of("chess")).execute().getGames())
                .singleElement().satisfies(game -> assertThat(game.getId()).isEqualTo("743"));
    }

    @Test
    void createsAClipThatAppearsOnceTwitchHasMadeIt() throws Exception {
        twitch.clips().processingTime(Duration.ofMillis(500));
        twitch.world().goLive("streamer", twitch.world().game("743", "Chess"), "Blitz", 10);
        String broadcasterId = twitch.world().user("streamer").id();
        String token = twitch.world().issueUserToken(TwitchSim.CLIENT_ID, "streamer", List.of("clips:edit"))
                .accessToken();

        CreateClip created = helix.createClip(token, broadcasterId, null, null).execute().getData().get(0);
        assertThat(created.getEditUrl()).endsWith(created.getId() + "/edit");
        assertThat(clipsById(token, created.getId())).isEmpty();

        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(clipsById(token, created.getId()))
                .singleElement().satisfies(clip -> {
                    assertThat(clip.getBroadcasterId()).isEqualTo(broadcasterId);
                    assertThat(clip.getUrl()).isEqualTo(twitch.urls().base() + "/clips/" + created.getId());
                    assertThat(clip.getDuration()).isEqualTo(30f);
                    assertThat(clip.getThumbnailUrl()).isNotBlank();
                }));
        assertThat(helix.getClips(token, broadcasterId, null, null, null, null, null,
                Instant.now().minusSeconds(60), Instant.now().plusSeconds(60), null).execute().getData()).hasSize(1);

        // the demo shows the clip without Twitch's CDN: the simulator draws its thumbnail and serves its page
        Clip made = clipsById(token, created.getId()).get(0);
        HttpResponse<byte[]> thumbnail = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create(made.getThumbnailUrl())).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(thumbnail.headers().firstValue("Content-Type")).hasValue("image/png");
        assertThat(thumbnail.body()).startsWith(0x89, 'P', 'N', 'G');
        assertThat(HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(made.getUrl())).build(),
                HttpResponse.BodyHandlers.ofString()).body()).contains("<h1>Blitz</h1>", "Streamer");
    }

    @Test
    void aFailedClipIsAcceptedButNeverAppears() throws Exception {
        twitch.clips().processingTime(Duration.ZERO);
        twitch.clips().failNext(1);
        twitch.world().goLive("streamer", twitch.world().game("743", "Chess"), "Blitz", 10);
        String token = twitch.world().issueUserToken(TwitchSim.CLIENT_ID, "streamer", List.of("clips:edit"))
                .accessToken();
        String lost = helix.createClip(token, twitch.world().user("streamer").id(), null, null).execute()
                .getData().get(0).getId();
        String made = helix.createClip(token, twitch.world().user("streamer").id(), null, null).execute()
                .getData().get(0).getId();
        Thread.sleep(200);
        assertThat(clipsById(token, lost)).isEmpty();
        assertThat(clipsById(token, made)).hasSize(1);
    }

    @Test
    void clipsNeedALiveChannelAndTheClipsEditScope() throws Exception {
        String broadcasterId = twitch.world().user("streamer").id();
        String withScope = twitch.world().issueUserToken(TwitchSim.CLIENT_ID, "streamer", List.of("clips:edit"))
                .accessToken();
        HttpResponse<String> offline = post("/helix/clips?broadcaster_id=" + broadcasterId, withScope);
        assertThat(offline.statusCode()).isEqualTo(404);
        assertThat(offline.body()).contains("must be broadcasting live");

        twitch.world().goLive("streamer", twitch.world().game("743", "Chess"), "Blitz", 10);
        String withoutScope = twitch.world().issueUserToken(TwitchSim.CLIENT_ID, "streamer", List.of("chat:read"))
                .accessToken();
        HttpResponse<String> unscoped = post("/helix/clips?broadcaster_id=" + broadcasterId, withoutScope);
        assertThat(unscoped.statusCode()).isEqualTo(401);
        assertThat(unscoped.body()).contains("Missing scope: clips:edit");
        assertThat(post("/helix/clips?broadcaster_id=" + broadcasterId, appToken).statusCode()).isEqualTo(401);
        assertThat(post("/helix/clips?broadcaster_id=" + broadcasterId + "&duration=90", withScope).statusCode())
                .isEqualTo(400);
    }

    @Test
    void injectedFaultsAnswerWithTheirStatusThenStop() throws Exception {
        twitch.world().goLive("streamer", twitch.world().game("743", "Chess"), "Blitz", 10);
        String token = twitch.world().issueUserToken(TwitchSim.CLIENT_ID, "streamer", List.of("clips:edit"))
                .accessToken();
        twitch.faults().failNext("/helix/clips", 503, 2);
        String clipUrl = "/helix/clips?broadcaster_id=" + twitch.world().user("streamer").id();
        assertThat(post(clipUrl, token).statusCode()).isEqualTo(503);
        assertThat(post(clipUrl, token).statusCode()).isEqualTo(503);
        assertThat(post(clipUrl, token).statusCode()).isEqualTo(202);

        twitch.faults().delay("/helix/streams", Duration.ofMillis(400));
        long started = System.nanoTime();
        assertThat(get("/helix/streams", token).statusCode()).isEqualTo(200);
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofMillis(400));
    }

    @Test
    void aFaultMayNameAQueryAndBeClearedAlone() throws Exception {
        twitch.world().user("fragile");
        twitch.world().user("sturdy");
        twitch.faults().failNext("/helix/users?login=fragile", 503, 5);
        twitch.faults().failNext("/helix/streams", 500, 5);
        assertThat(get("/helix/users?login=sturdy", appToken).statusCode()).isEqualTo(200);
        assertThat(get("/helix/users?login=fragile", appToken).statusCode()).isEqualTo(503);

        twitch.faults().clear("/helix/users?login=fragile");
        assertThat(get("/helix/users?login=fragile", appToken).statusCode()).isEqualTo(200);
        assertThat(get("/helix/streams", appToken).statusCode()).as("another fault stays").isEqualTo(500);
        twitch.faults().clear();
    }

    @Test
    void rejectsMissingAndInvalidTokensAndMalformedParameters() throws Exception {
        assertThat(get("/helix/users?login=x", null).body())
                .isEqualTo("{\"error\":\"Unauthorized\",\"status\":401,\"message\":\"OAuth token is missing\"}");
        assertThat(get("/helix/users?login=x", "made-up").statusCode()).isEqualTo(401);
        HttpResponse<String> malformed = get("/helix/streams?first=1000", appToken);
        assertThat(malformed.statusCode()).isEqualTo(400);
        assertThat(malformed.body()).contains("The parameter \\\"first\\\" was malformed");
        assertThat(get("/helix/streams?after=!!!", appToken).statusCode()).isEqualTo(400);
    }

    @Test
    void countsDownTheRateLimitAndAnswers429WhenItIsSpent() throws Exception {
        HttpResponse<String> first = get("/helix/streams", appToken);
        assertThat(first.headers().firstValue("Ratelimit-Limit")).contains("800");
        int remaining = Integer.parseInt(first.headers().firstValue("Ratelimit-Remaining").orElseThrow());
        assertThat(remaining).isBetween(798, 799);
        assertThat(Long.parseLong(first.headers().firstValue("Ratelimit-Reset").orElseThrow()))
                .isGreaterThanOrEqualTo(System.currentTimeMillis() / 1000);

        HttpResponse<String> last = first;
        // the bucket refills while we spend it, so allow a few hundred more than its 800 points
        for (int i = 0; i < 1200 && last.statusCode() != 429; i++) {
            last = get("/helix/streams", appToken);
        }
        assertThat(last.statusCode()).isEqualTo(429);
        assertThat(last.headers().firstValue("Ratelimit-Remaining")).contains("0");
    }

    private List<Clip> clipsById(String token, String id) {
        return helix.getClips(token, null, null, List.of(id), null, null, null, null, null, null).execute()
                .getData();
    }

    private HttpResponse<String> post(String path, String token) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + twitch.port() + path))
                .header("Client-Id", TwitchSim.CLIENT_ID).header("Authorization", "Bearer " + token)
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> get(String path, String token) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + twitch.port() + path))
                .header("Client-Id", TwitchSim.CLIENT_ID);
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
