package dev.stagehand.twitchsim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Twitch chat's answers to what clients send, good and bad, at the protocol level. */
class IrcProtocolTest {

    private TwitchSim twitch;

    @BeforeEach
    void start() {
        twitch = TwitchSim.start(0);
        twitch.world().user("streamer");
    }

    @AfterEach
    void stop() {
        twitch.close();
    }

    @Test
    void anInvalidTokenGetsLoginAuthenticationFailedAndIsDisconnected() throws Exception {
        try (RawIrcClient client = new RawIrcClient(twitch.chatUrl())) {
            client.send("PASS oauth:not-a-real-token", "NICK somebody");
            assertThat(client.await(line -> line.contains("NOTICE")))
                    .isEqualTo(":tmi.twitch.tv NOTICE * :Login authentication failed");
            await().atMost(Duration.ofSeconds(5)).until(client::closedByServer);
        }
    }

    @Test
    void aTokenWithoutChatScopesCannotLogIn() throws Exception {
        String token = twitch.world().issueUserToken(TwitchSim.CLIENT_ID, "bot", List.of("clips:edit")).accessToken();
        try (RawIrcClient client = new RawIrcClient(twitch.chatUrl())) {
            client.send("PASS oauth:" + token, "NICK bot");
            assertThat(client.await(line -> line.contains("NOTICE"))).endsWith(":Login authentication failed");
        }
    }

    @Test
    void welcomesAValidLoginWithGlobalUserState() throws Exception {
        String token = twitch.world().issueUserToken(TwitchSim.CLIENT_ID, "bot", List.of("chat:read")).accessToken();
        try (RawIrcClient client = new RawIrcClient(twitch.chatUrl())) {
            client.send("CAP REQ :twitch.tv/tags twitch.tv/commands", "PASS oauth:" + token, "NICK bot");
            assertThat(client.await(line -> line.contains("CAP")))
                    .isEqualTo(":tmi.twitch.tv CAP * ACK :twitch.tv/tags twitch.tv/commands");
            client.await(line -> line.equals(":tmi.twitch.tv 376 bot :>"));
            assertThat(client.await(line -> line.contains("GLOBALUSERSTATE")))
                    .contains("user-id=" + twitch.world().user("bot").id());
        }
    }

    @Test
    void malformedAndUnknownCommandsGetUnknownCommand() throws Exception {
        try (RawIrcClient client = anonymous()) {
            client.send("FROBNICATE #streamer", "@just-tags", ":prefix-only");
            assertThat(client.await(line -> line.contains(" 421 ")))
                    .isEqualTo(":tmi.twitch.tv 421 justinfan1 FROBNICATE :Unknown command");
            assertThat(client.await(line -> line.contains(" 421 "))).contains("@just-tags");
            assertThat(client.await(line -> line.contains(" 421 "))).contains(":prefix-only");
        }
    }

    @Test
    void unknownCapabilitiesAreRefused() throws Exception {
        try (RawIrcClient client = new RawIrcClient(twitch.chatUrl())) {
            client.send("CAP REQ :twitch.tv/tags twitch.tv/telepathy");
            assertThat(client.await(line -> line.contains("CAP")))
                    .isEqualTo(":tmi.twitch.tv CAP * NAK :twitch.tv/tags twitch.tv/telepathy");
        }
    }

    @Test
    void othersJoinsGoOnlyToClientsThatRequestedMembership() throws Exception {
        try (RawIrcClient watching = new RawIrcClient(twitch.chatUrl());
             RawIrcClient notWatching = anonymous()) {
            watching.send("CAP REQ :twitch.tv/membership", "NICK justinfan2", "JOIN #streamer");
            watching.await(line -> line.contains("ROOMSTATE"));
            notWatching.send("JOIN #streamer");
            notWatching.await(line -> line.contains("ROOMSTATE"));
            try (RawIrcClient newcomer = loggedIn("newcomer")) {
                assertThat(watching.await(line -> line.startsWith(":newcomer!") && line.contains(" JOIN ")))
                        .isEqualTo(":newcomer!newcomer@newcomer.tmi.twitch.tv JOIN #streamer");
                assertThat(notWatching.drain(Duration.ofMillis(500))).noneMatch(line -> line.contains(" JOIN "));
            }
        }
    }

    @Test
    void answersPingWithPong() throws Exception {
        try (RawIrcClient client = anonymous()) {
            client.send("PING :tmi.twitch.tv");
            assertThat(client.await(line -> line.contains("PONG")))
                    .isEqualTo(":tmi.twitch.tv PONG tmi.twitch.tv :tmi.twitch.tv");
        }
    }

    @Test
    void joiningAChannelThatDoesNotExistGetsANotice() throws Exception {
        try (RawIrcClient client = anonymous()) {
            client.send("CAP REQ :twitch.tv/tags twitch.tv/commands", "JOIN #nobody_here");
            assertThat(client.await(line -> line.contains("NOTICE"))).isEqualTo(
                    "@msg-id=msg_channel_suspended :tmi.twitch.tv NOTICE #nobody_here :This channel does not exist "
                            + "or has been suspended.");
        }
    }

    @Test
    void anonymousReadersCannotSend() throws Exception {
        try (RawIrcClient reader = loggedIn("reader"); RawIrcClient anonymous = anonymous()) {
            anonymous.send("JOIN #streamer");
            anonymous.await(line -> line.contains("ROOMSTATE"));
            anonymous.send("PRIVMSG #streamer :can anyone hear me");
            assertThat(reader.drain(Duration.ofMillis(500))).noneMatch(line -> line.contains("PRIVMSG"));
        }
    }

    @Test
    void aChatterOverTheMessageRateLimitIsToldAndNotDelivered() throws Exception {
        try (RawIrcClient reader = loggedIn("reader"); RawIrcClient chatter = loggedIn("chatter")) {
            for (int i = 1; i <= 21; i++) {
                chatter.send("PRIVMSG #streamer :message " + i);
            }
            assertThat(chatter.await(line -> line.contains("msg_ratelimit"))).endsWith(
                    ":tmi.twitch.tv NOTICE #streamer :Your message was not sent because you are sending messages too "
                            + "quickly.");
            List<String> delivered = reader.drain(Duration.ofMillis(500)).stream()
                    .filter(line -> line.contains("PRIVMSG")).toList();
            assertThat(delivered).hasSize(20).last().asString().endsWith(":message 20");
        }
    }

    @Test
    void messagesOverFiveHundredCharactersAreDropped() throws Exception {
        try (RawIrcClient reader = loggedIn("reader"); RawIrcClient chatter = loggedIn("chatter")) {
            chatter.send("PRIVMSG #streamer :" + "x".repeat(501), "PRIVMSG #streamer :" + "y".repeat(500));
            String delivered = reader.await(line -> line.contains("PRIVMSG"));
            assertThat(delivered).endsWith(":" + "y".repeat(500));
        }
    }

    @Test
    void sentMessagesReachOthersWithTagsAndEmotes() throws Exception {
        try (RawIrcClient reader = loggedIn("reader"); RawIrcClient chatter = loggedIn("chatter")) {
            chatter.send("PRIVMSG #streamer :gg Kappa");
            String line = reader.await(l -> l.contains("PRIVMSG"));
            assertThat(line).contains("emotes=25:3-7;", "display-name=Chatter;",
                            "room-id=" + twitch.world().user("streamer").id() + ";")
                    .endsWith(" :chatter!chatter@chatter.tmi.twitch.tv PRIVMSG #streamer :gg Kappa");
        }
    }

    private RawIrcClient anonymous() throws Exception {
        RawIrcClient client = new RawIrcClient(twitch.chatUrl());
        client.send("NICK justinfan1");
        client.await(line -> line.endsWith(" 376 justinfan1 :>"));
        return client;
    }

    private RawIrcClient loggedIn(String login) throws Exception {
        String token = twitch.world().issueUserToken(TwitchSim.CLIENT_ID, login, List.of("chat:read", "chat:edit"))
                .accessToken();
        RawIrcClient client = new RawIrcClient(twitch.chatUrl());
        client.send("CAP REQ :twitch.tv/tags twitch.tv/commands", "PASS oauth:" + token, "NICK " + login,
                "JOIN #streamer");
        client.await(line -> line.contains("ROOMSTATE"));
        return client;
    }
}
