package dev.stagehand.gateway.twitch;

import dev.stagehand.twitchsim.TwitchSim;
import dev.stagehand.twitchsim.emotes.EmoteProvider;
import dev.stagehand.twitchsim.world.SimGame;
import java.time.Duration;
import java.util.Arrays;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The simulated Twitch of demo mode: a few live channels whose chat is busy, and a streamer to log in as. */
final class DemoWorld {

    static final String STREAMER = "demostreamer";
    private static final Logger log = LoggerFactory.getLogger(DemoWorld.class);

    private record DemoChannel(String login, String gameId, String game, String title, int viewers, int audience,
                               double messagesPerSecond) {
    }

    private static final DemoChannel[] CHANNELS = {
        new DemoChannel("pixelpanda", "509658", "Just Chatting", "cozy morning chat ☕ !discord", 1840, 600, 4),
        new DemoChannel("speedrunsam", "2692", "Super Mario 64", "16 star PB attempts", 5230, 1500, 9),
        new DemoChannel("chesscat", "743", "Chess", "blitz with viewers, !challenge", 412, 150, 1.5),
    };

    private DemoWorld() {
    }

    static TwitchSim start(int port) {
        TwitchSim twitch = TwitchSim.start(port);
        for (DemoChannel channel : CHANNELS) {
            SimGame game = twitch.world().game(channel.gameId(), channel.game());
            twitch.world().goLive(channel.login(), game, channel.title(), channel.viewers());
            twitch.scenario().chat(channel.login(), channel.audience(), channel.messagesPerSecond());
            String id = twitch.world().user(channel.login()).id();
            twitch.thirdPartyEmotes().addChannelEmote(EmoteProvider.SEVENTV, id, "catJAM", true, false);
            twitch.thirdPartyEmotes().addChannelEmote(EmoteProvider.BTTV, id, "KEKW", false, false);
            twitch.thirdPartyEmotes().addChannelEmote(EmoteProvider.FFZ, id, "OMEGALUL", false, false);
        }
        // The streamer one logs in as is live too, so that turning auto-clipping on makes clips of their own channel.
        twitch.world().goLive(STREAMER, twitch.world().game("509658", "Just Chatting"), "building my overlay", 35);
        twitch.scenario().chat(STREAMER, 40, 0.5);
        // Something happens on stream every few minutes, so the demo's analytics show chat spikes.
        twitch.scenario().hypeEvery(Duration.ofMinutes(3), 8, Duration.ofSeconds(6), Stream.concat(
                Arrays.stream(CHANNELS).map(DemoChannel::login), Stream.of(STREAMER)).toArray(String[]::new));
        twitch.oauth().approveAs(STREAMER);
        log.warn("""

                ================================================================================
                 Demo mode: no TWITCH_CLIENT_ID is set, so Stagehand uses its simulated Twitch.
                   simulator:        http://127.0.0.1:{}/sim  (control API: channels, bursts, faults)
                   demo channels:    pixelpanda, speedrunsam, chesscat (live and chatting)
                   log in as:        {} with Twitch, serveradmin with Discord (the simulator approves at once);
                                     {} is live too: subscribe it and turn auto-clipping on to see clips
                 Set TWITCH_CLIENT_ID and TWITCH_CLIENT_SECRET to use the real Twitch.
                ================================================================================""",
                twitch.port(), STREAMER, STREAMER);
        return twitch;
    }
}
