package dev.stagehand.twitchsim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.philippheuer.credentialmanager.CredentialManager;
import com.github.philippheuer.credentialmanager.CredentialManagerBuilder;
import com.github.philippheuer.credentialmanager.domain.OAuth2Credential;
import com.github.twitch4j.auth.providers.TwitchIdentityProvider;
import com.github.twitch4j.eventsub.events.StreamOfflineEvent;
import com.github.twitch4j.eventsub.events.StreamOnlineEvent;
import com.github.twitch4j.eventsub.socket.TwitchEventSocket;
import com.github.twitch4j.eventsub.subscriptions.SubscriptionTypes;
import com.github.twitch4j.helix.TwitchHelix;
import com.github.twitch4j.helix.TwitchHelixBuilder;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The real twitch4j EventSub WebSocket client, pointed at the simulator by configuration only. */
class Twitch4jEventSubTest {

    private static final Duration WAIT = Duration.ofSeconds(15);

    private TwitchSim twitch;
    private TwitchEventSocket socket;
    private final List<Object> events = new CopyOnWriteArrayList<>();

    @BeforeEach
    void start() {
        twitch = TwitchSim.start(0);
        twitch.world().game("743", "Chess");
        String token = twitch.world().issueUserToken(TwitchSim.CLIENT_ID, "stagehand", List.of()).accessToken();
        CredentialManager credentials = CredentialManagerBuilder.builder().build();
        credentials.registerIdentityProvider(new TwitchIdentityProvider(TwitchSim.CLIENT_ID, TwitchSim.CLIENT_SECRET,
                "http://127.0.0.1/cb", twitch.identityUrl()));
        TwitchHelix helix = TwitchHelixBuilder.builder()
                .withBaseUrl(twitch.helixUrl())
                .withClientId(TwitchSim.CLIENT_ID)
                .withClientSecret(TwitchSim.CLIENT_SECRET)
                .withCredentialManager(credentials)
                .build();
        socket = TwitchEventSocket.builder()
                .baseUrl(twitch.eventSubUrl())
                .api(helix)
                .defaultToken(new OAuth2Credential("twitch", token))
                .build();
        socket.getEventManager().onEvent(StreamOnlineEvent.class, events::add);
        socket.getEventManager().onEvent(StreamOfflineEvent.class, events::add);
    }

    @AfterEach
    void stop() throws Exception {
        socket.close();
        twitch.close();
    }

    @Test
    void receivesStreamOnlineAndOffline() {
        String streamerId = subscribeTo("streamer");

        twitch.world().goLive("streamer", twitch.world().game("743", "Chess"), "Blitz", 50);
        await().atMost(WAIT).until(() -> events.size() == 1);
        StreamOnlineEvent online = (StreamOnlineEvent) events.get(0);
        assertThat(online.getBroadcasterUserId()).isEqualTo(streamerId);
        assertThat(online.getBroadcasterUserLogin()).isEqualTo("streamer");
        assertThat(online.getStartedAt()).isNotNull();

        twitch.world().goOffline("streamer");
        await().atMost(WAIT).until(() -> events.size() == 2);
        assertThat(((StreamOfflineEvent) events.get(1)).getBroadcasterUserLogin()).isEqualTo("streamer");
    }

    @Test
    void keepsItsSubscriptionsAcrossASessionReconnect() {
        subscribeTo("streamer");

        twitch.eventSub().reconnectAll();
        await().atMost(WAIT).until(() -> twitch.eventSub().reconnectsPending() == 0);
        assertThat(twitch.eventSub().connectedSessions()).isEqualTo(1);

        twitch.world().goLive("streamer", twitch.world().game("743", "Chess"), "After maintenance", 50);
        await().atMost(WAIT).until(() -> events.size() == 1);
        assertThat(twitch.eventSub().subscriptionCount()).isEqualTo(2);
    }

    private String subscribeTo(String login) {
        String id = twitch.world().user(login).id();
        int before = twitch.eventSub().subscriptionCount();
        socket.register(SubscriptionTypes.STREAM_ONLINE.prepareSubscription(
                builder -> builder.broadcasterUserId(id).build(), null));
        socket.register(SubscriptionTypes.STREAM_OFFLINE.prepareSubscription(
                builder -> builder.broadcasterUserId(id).build(), null));
        await().atMost(WAIT).until(() -> twitch.eventSub().subscriptionCount() == before + 2);
        return id;
    }
}
