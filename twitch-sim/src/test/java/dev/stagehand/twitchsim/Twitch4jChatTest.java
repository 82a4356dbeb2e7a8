package dev.stagehand.twitchsim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.philippheuer.credentialmanager.CredentialManager;
import com.github.philippheuer.credentialmanager.CredentialManagerBuilder;
import com.github.philippheuer.credentialmanager.domain.OAuth2Credential;
import com.github.twitch4j.auth.providers.TwitchIdentityProvider;
import com.github.twitch4j.chat.TwitchChat;
import com.github.twitch4j.chat.TwitchChatBuilder;
import com.github.twitch4j.chat.events.channel.ChannelMessageEvent;
import com.github.twitch4j.chat.events.channel.DeleteMessageEvent;
import com.github.twitch4j.chat.events.channel.RaidEvent;
import com.github.twitch4j.chat.events.channel.SubscriptionEvent;
import com.github.twitch4j.chat.events.channel.UserBanEvent;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The real twitch4j chat client, pointed at the simulator by configuration only. */
class Twitch4jChatTest {

    private static final Duration WAIT = Duration.ofSeconds(15);

    private TwitchSim twitch;
    private TwitchChat chat;
    private final List<ChannelMessageEvent> messages = new CopyOnWriteArrayList<>();

    @BeforeEach
    void start() {
        twitch = TwitchSim.start(0);
        twitch.world().user("streamer");
    }

    @AfterEach
    void stop() {
        if (chat != null) {
            chat.close();
        }
        twitch.close();
    }

    @Test
    void aLoggedInBotReceivesMessagesWithEmotesBadgesAndColour() {
        chat = loggedIn("stagehandbot");
        joinAndWait("streamer");

        twitch.chat().say("streamer", "viewer", "😀 Kappa hi PogChamp Kappa", "subscriber/12,premium/1");

        await().atMost(WAIT).until(() -> !messages.isEmpty());
        ChannelMessageEvent event = messages.get(0);
        assertThat(event.getMessage()).isEqualTo("😀 Kappa hi PogChamp Kappa");
        assertThat(event.getUser().getName()).isEqualTo("viewer");
        assertThat(event.getChannel().getName()).isEqualTo("streamer");
        assertThat(event.getChannel().getId()).isEqualTo(twitch.world().user("streamer").id());
        assertThat(event.getMessageEvent().getBadges()).containsEntry("subscriber", "12").containsEntry("premium", "1");
        assertThat(event.getMessageEvent().getUserChatColor()).contains(twitch.world().user("viewer").color());
        // Positions count code points: the emoji is one, so Kappa starts at 2.
        assertThat(event.getMessageEvent().getTagValue("emotes")).contains("25:2-6,20-24/305954156:11-18");
        assertThat(event.getMessageEvent().getMessageId()).isPresent();
    }

    @Test
    void receivesSubscriptionsRaidsBansAndDeletions() {
        chat = loggedIn("stagehandbot");
        List<Object> events = new CopyOnWriteArrayList<>();
        chat.getEventManager().onEvent(SubscriptionEvent.class, events::add);
        chat.getEventManager().onEvent(RaidEvent.class, events::add);
        chat.getEventManager().onEvent(UserBanEvent.class, events::add);
        chat.getEventManager().onEvent(DeleteMessageEvent.class, events::add);
        joinAndWait("streamer");

        twitch.chat().subscribe("streamer", "fan", 7, "seven months!");
        twitch.chat().raid("streamer", "friend", 120);
        twitch.chat().ban("streamer", "spammer");
        twitch.chat().deleteMessage("streamer", "spammer", "0b1c2d3e-msg", "buy followers");

        await().atMost(WAIT).until(() -> events.size() == 4);
        SubscriptionEvent sub = (SubscriptionEvent) events.get(0);
        assertThat(sub.getUser().getName()).isEqualTo("fan");
        assertThat(sub.getMonths()).isEqualTo(7);
        RaidEvent raid = (RaidEvent) events.get(1);
        assertThat(raid.getRaider().getName()).isEqualTo("friend");
        assertThat(raid.getViewers()).isEqualTo(120);
        assertThat(((UserBanEvent) events.get(2)).getUser().getName()).isEqualTo("spammer");
        assertThat(((DeleteMessageEvent) events.get(3)).getMsgId()).isEqualTo("0b1c2d3e-msg");
    }

    @Test
    void reconnectsAndRejoinsAfterReconnectAndAfterADroppedConnection() {
        chat = loggedIn("stagehandbot");
        joinAndWait("streamer");

        twitch.chat().reconnectAll();
        await().atMost(WAIT).until(() -> twitch.chat().viewersConnected("streamer") == 1);
        awaitDelivered("after reconnect");

        twitch.chat().dropAllConnections();
        await().atMost(Duration.ofSeconds(30)).until(() -> twitch.chat().viewersConnected("streamer") == 1);
        awaitDelivered("after a dropped connection");
    }

    @Test
    void anAnonymousReaderReceivesMessages() {
        chat = TwitchChatBuilder.builder().withBaseUrl(twitch.chatUrl()).build();
        chat.getEventManager().onEvent(ChannelMessageEvent.class, messages::add);
        joinAndWait("streamer");

        twitch.chat().say("streamer", "viewer", "hello lurkers");

        await().atMost(WAIT).until(() -> !messages.isEmpty());
        assertThat(messages.get(0).getMessage()).isEqualTo("hello lurkers");
    }

    private void awaitDelivered(String text) {
        await().atMost(WAIT).untilAsserted(() -> {
            twitch.chat().say("streamer", "viewer", text);
            assertThat(messages).extracting(ChannelMessageEvent::getMessage).contains(text);
        });
    }

    private void joinAndWait(String channel) {
        chat.joinChannel(channel);
        await().atMost(WAIT).until(() -> twitch.chat().viewersConnected(channel) == 1);
    }

    private TwitchChat loggedIn(String login) {
        return build(credential(login));
    }

    private OAuth2Credential credential(String login) {
        String token = twitch.world().issueUserToken(TwitchSim.CLIENT_ID, login, List.of("chat:read", "chat:edit"))
                .accessToken();
        return new OAuth2Credential("twitch", token);
    }

    private TwitchChat build(OAuth2Credential credential) {
        CredentialManager credentials = CredentialManagerBuilder.builder().build();
        credentials.registerIdentityProvider(new TwitchIdentityProvider(TwitchSim.CLIENT_ID, TwitchSim.CLIENT_SECRET,
                "http://127.0.0.1/callback", twitch.identityUrl()));
        TwitchChat built = TwitchChatBuilder.builder()
                .withBaseUrl(twitch.chatUrl())
                .withCredentialManager(credentials)
                .withChatAccount(credential)
                .withSendCredentialToThirdPartyHost(true)
                .build();
        built.getEventManager().onEvent(ChannelMessageEvent.class, messages::add);
        return built;
    }
}
