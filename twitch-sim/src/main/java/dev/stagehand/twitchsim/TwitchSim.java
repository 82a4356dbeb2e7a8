package dev.stagehand.twitchsim;

import dev.stagehand.twitchsim.auth.OAuthApi;
import dev.stagehand.twitchsim.chat.IrcEndpoint;
import dev.stagehand.twitchsim.chat.SimChat;
import dev.stagehand.twitchsim.discord.SimDiscord;
import dev.stagehand.twitchsim.emotes.ChatBadges;
import dev.stagehand.twitchsim.emotes.EmoteApis;
import dev.stagehand.twitchsim.emotes.EmoteProvider;
import dev.stagehand.twitchsim.emotes.ThirdPartyEmotes;
import dev.stagehand.twitchsim.eventsub.EventSubHub;
import dev.stagehand.twitchsim.helix.ClipPages;
import dev.stagehand.twitchsim.helix.HelixApi;
import dev.stagehand.twitchsim.helix.SimClips;
import dev.stagehand.twitchsim.http.FaultyRoutes;
import dev.stagehand.twitchsim.http.HttpFaults;
import dev.stagehand.twitchsim.scenario.ControlApi;
import dev.stagehand.twitchsim.scenario.SimScenario;
import dev.stagehand.twitchsim.world.SimWorld;
import java.time.Clock;
import java.time.Duration;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;
import reactor.netty.resources.LoopResources;

/**
 * A local Twitch that the real client libraries cannot tell from the real one, on one loopback port:
 * chat over WebSocket at {@code /}, EventSub over WebSocket at {@code /eventsub}, Helix at {@code /helix}, OAuth at
 * {@code /oauth2}, BetterTTV, FrankerFaceZ and 7TV at {@code /bttv}, {@code /ffz} and {@code /7tv} (images at
 * {@code /emotes}), Discord at {@code /discord}, and its own control API at {@code /sim}.
 *
 * <pre>{@code
 * try (TwitchSim twitch = TwitchSim.start(0)) {
 *     String token = twitch.world().issueUserToken(TwitchSim.CLIENT_ID, "bot", List.of("chat:read")).accessToken();
 *     // point twitch4j at twitch.chatUrl(), twitch.helixUrl(), twitch.identityUrl()
 *     twitch.chat().say("streamer", "viewer", "hello Kappa");
 * }
 * }</pre>
 */
public final class TwitchSim implements AutoCloseable {

    /** An app registered in every simulator, for demos and tests. */
    public static final String CLIENT_ID = "stagehandsimclientid000000000";
    public static final String CLIENT_SECRET = "stagehandsimclientsecret00000";

    private final SimWorld world;
    private final IrcEndpoint irc;
    private final OAuthApi oauth;
    private final EventSubHub eventSub;
    private final SimClips clips;
    private final ThirdPartyEmotes thirdPartyEmotes;
    private final ChatBadges badges;
    private final SimDiscord discord;
    private final HttpFaults faults;
    private final SimScenario scenario;
    private final DisposableServer server;
    private final LoopResources loops;

    private TwitchSim(SimWorld world, IrcEndpoint irc, OAuthApi oauth, EventSubHub eventSub, SimClips clips,
                      ThirdPartyEmotes thirdPartyEmotes, ChatBadges badges, SimDiscord discord, HttpFaults faults,
                      SimScenario scenario, DisposableServer server, LoopResources loops) {
        this.world = world;
        this.irc = irc;
        this.oauth = oauth;
        this.eventSub = eventSub;
        this.clips = clips;
        this.thirdPartyEmotes = thirdPartyEmotes;
        this.badges = badges;
        this.discord = discord;
        this.faults = faults;
        this.scenario = scenario;
        this.server = server;
        this.loops = loops;
    }

    /** Starts the simulator on {@code port} of 127.0.0.1 (0 picks a free port). */
    public static TwitchSim start(int port) {
        SimWorld world = new SimWorld(Clock.systemUTC());
        world.registerApp(CLIENT_ID, CLIENT_SECRET);
        IrcEndpoint irc = new IrcEndpoint(world);
        OAuthApi oauth = new OAuthApi(world);
        SimClips clips = new SimClips();
        HttpFaults faults = new HttpFaults();
        EventSubHub eventSub = new EventSubHub(world);
        FaultyRoutes faulty = new FaultyRoutes(faults);
        ChatBadges badges = new ChatBadges();
        ClipPages clipPages = new ClipPages(clips);
        HelixApi helix = new HelixApi(world, clips, clipPages, eventSub, irc.chat().emotes(), badges, faulty);
        ThirdPartyEmotes thirdPartyEmotes = new ThirdPartyEmotes();
        EmoteApis emoteApis = new EmoteApis(world, thirdPartyEmotes, faulty);
        SimDiscord discord = new SimDiscord(Clock.systemUTC(), faulty);
        SimScenario scenario = new SimScenario(world, irc.chat());
        ControlApi control = new ControlApi(world, irc.chat(), scenario, eventSub, clips, discord, faults, oauth);
        // Its own event loops: Reactor Netty's global ones are disposed by any Spring Boot app that stops in this JVM.
        LoopResources loops = LoopResources.create("twitch-sim", 2, true);
        DisposableServer server = HttpServer.create()
                .runOn(loops)
                .host("127.0.0.1")
                .port(port)
                .route(routes -> {
                    irc.register(routes);
                    eventSub.register(routes);
                    oauth.register(routes);
                    helix.register(routes);
                    emoteApis.register(routes);
                    clipPages.register(routes);
                    badges.register(routes);
                    discord.register(routes);
                    control.register(routes);
                })
                .bindNow();
        eventSub.baseUrl("ws://127.0.0.1:" + server.port() + "/eventsub");
        emoteApis.baseUrl("http://127.0.0.1:" + server.port());
        clipPages.baseUrl("http://127.0.0.1:" + server.port());
        badges.baseUrl("http://127.0.0.1:" + server.port());
        return new TwitchSim(world, irc, oauth, eventSub, clips, thirdPartyEmotes, badges, discord, faults, scenario, server,
                loops);
    }

    public SimWorld world() {
        return world;
    }

    public SimChat chat() {
        return irc.chat();
    }

    public OAuthApi oauth() {
        return oauth;
    }

    /** Channels that chat on their own, bursts. */
    public SimScenario scenario() {
        return scenario;
    }

    public EventSubHub eventSub() {
        return eventSub;
    }

    /** For {@code TwitchEventSocket.builder().baseUrl(...)}. */
    public String eventSubUrl() {
        return urls().eventSubUrl();
    }

    public SimClips clips() {
        return clips;
    }

    /** BetterTTV, FrankerFaceZ and 7TV emote sets, global and per channel. */
    public ThirdPartyEmotes thirdPartyEmotes() {
        return thirdPartyEmotes;
    }

    /** Base URLs of the simulated emote providers, e.g. {@code http://127.0.0.1:P/7tv/v3}. */
    public String emoteApiUrl(EmoteProvider provider) {
        return urls().emoteApiUrl(provider);
    }

    /** Twitch's chat badges, global and per channel. */
    public ChatBadges badges() {
        return badges;
    }

    /** The simulated Discord: webhooks, their deliveries, OAuth2. */
    public SimDiscord discord() {
        return discord;
    }

    /** Base URL of the simulated Discord, standing for {@code https://discord.com}. */
    public String discordUrl() {
        return urls().discordUrl();
    }

    /** Errors and slowness injected into the HTTP APIs. */
    public HttpFaults faults() {
        return faults;
    }

    public int port() {
        return server.port();
    }

    /** Every API's address. */
    public SimUrls urls() {
        return new SimUrls("http://127.0.0.1:" + port());
    }

    /** For {@code TwitchChatBuilder.withBaseUrl}, tmi.js and other IRC-over-WebSocket clients. */
    public String chatUrl() {
        return urls().chatUrl();
    }

    /** For {@code TwitchHelixBuilder.withBaseUrl}. */
    public String helixUrl() {
        return urls().helixUrl();
    }

    /** For {@code TwitchIdentityProvider}'s base URL. */
    public String identityUrl() {
        return urls().identityUrl();
    }

    @Override
    public void close() {
        scenario.close();
        server.disposeNow();
        loops.disposeLater().block(Duration.ofSeconds(10));
    }
}
