package dev.stagehand.twitchsim;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stagehand.twitchsim.discord.SimDiscord;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The authorization-code flow with PKCE, as a web app's login runs it against both simulated providers. */
class OAuthLoginTest {

    private static final String REDIRECT = "http://127.0.0.1:1/login/oauth2/code/x";
    private static final String VERIFIER = "dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk";
    private static final Pattern CODE = Pattern.compile("[?&]code=([^&]+)");

    private static TwitchSim sim;
    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    static void start() {
        sim = TwitchSim.start(0);
    }

    @AfterAll
    static void stop() {
        sim.close();
    }

    @Test
    void twitchExchangesACodeOnlyWithTheMatchingVerifier() throws Exception {
        String authorize = sim.identityUrl() + "/authorize?response_type=code&client_id=" + TwitchSim.CLIENT_ID
                + "&redirect_uri=" + encode(REDIRECT) + "&scope=clips%3Aedit&state=s1&code_challenge="
                + challenge(VERIFIER) + "&code_challenge_method=S256";
        String tokenBase = sim.identityUrl() + "/token?grant_type=authorization_code&client_id=" + TwitchSim.CLIENT_ID
                + "&client_secret=" + TwitchSim.CLIENT_SECRET + "&redirect_uri=" + encode(REDIRECT);

        assertThat(post(tokenBase + "&code=" + code(authorize)).statusCode()).isEqualTo(400);
        assertThat(post(tokenBase + "&code=" + code(authorize) + "&code_verifier=wrong").statusCode()).isEqualTo(400);
        HttpResponse<String> token = post(tokenBase + "&code=" + code(authorize) + "&code_verifier=" + VERIFIER);
        assertThat(token.statusCode()).isEqualTo(200);
        assertThat(token.body()).contains("\"scope\":[\"clips:edit\"]");
    }

    @Test
    void theControlApiChoosesWhoTheNextApprovalLogsIn() throws Exception {
        assertThat(post(sim.urls().controlUrl() + "/oauth/approve?login=Night_Owl").statusCode()).isEqualTo(200);
        assertThat(post(sim.urls().controlUrl() + "/oauth/approve").statusCode()).isEqualTo(400);
        String authorize = sim.identityUrl() + "/authorize?response_type=code&client_id=" + TwitchSim.CLIENT_ID
                + "&redirect_uri=" + encode(REDIRECT) + "&scope=&state=s1&code_challenge=" + challenge(VERIFIER)
                + "&code_challenge_method=S256";
        HttpResponse<String> token = post(sim.identityUrl() + "/token?grant_type=authorization_code&client_id="
                + TwitchSim.CLIENT_ID + "&client_secret=" + TwitchSim.CLIENT_SECRET + "&redirect_uri="
                + encode(REDIRECT) + "&code=" + code(authorize) + "&code_verifier=" + VERIFIER);
        Matcher access = Pattern.compile("\"access_token\":\"([^\"]+)\"").matcher(token.body());
        assertThat(access.find()).isTrue();
        assertThat(sim.world().token(access.group(1)).orElseThrow().user().login()).isEqualTo("night_owl");
    }

    @Test
    void discordExchangesACodeOnlyWithTheMatchingVerifier() throws Exception {
        String authorize = sim.discordUrl() + "/oauth2/authorize?response_type=code&client_id=" + SimDiscord.CLIENT_ID
                + "&redirect_uri=" + encode(REDIRECT) + "&scope=identify&state=s1&code_challenge="
                + challenge(VERIFIER) + "&code_challenge_method=S256";
        String form = "grant_type=authorization_code&redirect_uri=" + encode(REDIRECT) + "&code=";

        assertThat(discordToken(form + code(authorize) + "&code_verifier=wrong").statusCode()).isEqualTo(400);
        HttpResponse<String> token = discordToken(form + code(authorize) + "&code_verifier=" + VERIFIER);
        assertThat(token.statusCode()).isEqualTo(200);
        assertThat(token.body()).contains("access_token");
    }

    @Test
    void expiredTokensRefreshAndRevokedOnesDoNot() throws Exception {
        var token = sim.world().issueUserToken(TwitchSim.CLIENT_ID, "expiring", java.util.List.of());
        sim.world().expireTokensOf("expiring");
        assertThat(sim.world().token(token.accessToken())).isEmpty();
        var refreshed = sim.world().refresh(TwitchSim.CLIENT_ID, token.refreshToken()).orElseThrow();

        sim.world().revokeTokensOf("expiring");
        assertThat(sim.world().token(refreshed.accessToken())).isEmpty();
        assertThat(sim.world().refresh(TwitchSim.CLIENT_ID, refreshed.refreshToken())).isEmpty();
    }

    private String code(String authorizeUrl) throws Exception {
        HttpResponse<String> redirect = http.send(HttpRequest.newBuilder(URI.create(authorizeUrl)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(redirect.statusCode()).isEqualTo(302);
        String location = redirect.headers().firstValue("Location").orElseThrow();
        assertThat(location).startsWith(REDIRECT).contains("state=s1");
        Matcher code = CODE.matcher(location);
        assertThat(code.find()).isTrue();
        return code.group(1);
    }

    private HttpResponse<String> post(String url) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url)).POST(HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> discordToken(String form) throws Exception {
        String basic = Base64.getEncoder().encodeToString((SimDiscord.CLIENT_ID + ":" + SimDiscord.CLIENT_SECRET)
                .getBytes(StandardCharsets.UTF_8));
        return http.send(HttpRequest.newBuilder(URI.create(sim.discordUrl() + "/api/oauth2/token"))
                .header("Authorization", "Basic " + basic)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String challenge(String verifier) throws Exception {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(
                MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII)));
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
