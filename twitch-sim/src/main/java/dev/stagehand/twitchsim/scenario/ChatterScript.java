package dev.stagehand.twitchsim.scenario;

import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

/** What simulated chatters say: short, emote-heavy, with commands and questions, like a real Twitch chat. */
final class ChatterScript {

    /** The versions every simulated channel has (see {@code ChatBadges}): Twitch tags the closest one earned. */
    private static final List<String> SUBSCRIBER_BADGES = List.of("0", "3", "6", "12", "24");
    private static final List<String> LINES = List.of(
            "LUL", "Kappa", "PogChamp", "gg", "gg wp", "LUL LUL LUL", "PogChamp PogChamp", "KEKW",
            "hi chat HeyGuys", "hello from Brazil HeyGuys", "that was close Kappa", "NotLikeThis",
            "!uptime", "!discord", "!socials", "what game is this?", "how long have you been streaming?",
            "first time here, love the vibe SeemsGood", "this music slaps", "catJAM", "OMEGALUL",
            "😀 Kappa", "no way 😂", "clip it!", "CLIP THAT", "5Head play", "BibleThump", "Kreygasm",
            "W streamer", "L take Kappa", "can we get some Ws in chat", "W", "W W W", "monkaS",
            "ResidentSleeper", "4Head", "that's actually insane PogChamp", "chat is this real", "🔥🔥🔥");
    private static final List<String> BURST_LINES = List.of(
            "PogChamp", "LUL", "CLIP IT", "NO WAY", "PogChamp PogChamp PogChamp", "OMEGALUL", "KEKW", "W",
            "WHAT", "LUL LUL");
    private static final List<String> NAMES = List.of(
            "pixel", "nova", "mochi", "turbo", "lofi", "cosmic", "sleepy", "ninja", "taco", "frost", "echo",
            "blaze", "pepper", "orbit", "zen", "quartz");

    private ChatterScript() {
    }

    static String line() {
        return LINES.get(ThreadLocalRandom.current().nextInt(LINES.size()));
    }

    static String burstLine() {
        return BURST_LINES.get(ThreadLocalRandom.current().nextInt(BURST_LINES.size()));
    }

    /** One of {@code audience} chatters of a channel, named like Twitch users. */
    static String chatter(String channel, int audience) {
        int n = ThreadLocalRandom.current().nextInt(Math.max(1, audience));
        return NAMES.get(Math.floorMod((channel + n).hashCode(), NAMES.size())) + "_" + n;
    }

    static String badges(int roll) {
        if (roll < 25) {
            return "subscriber/" + SUBSCRIBER_BADGES.get(roll % SUBSCRIBER_BADGES.size());
        }
        if (roll < 28) {
            return "moderator/1";
        }
        return roll < 32 ? "vip/1" : "";
    }
}
