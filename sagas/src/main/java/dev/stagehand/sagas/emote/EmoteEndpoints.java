package dev.stagehand.sagas.emote;

/** Where the third-party emote providers answer: the real ones, or the simulator in demo mode. */
public record EmoteEndpoints(String betterTtv, String frankerFaceZ, String sevenTv) {
}
