package dev.stagehand.twitchsim.emotes;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

/** Each provider's global emotes and its emotes per channel (by Twitch user id); changed freely by tests. */
public final class ThirdPartyEmotes {

    private final AtomicLong nextId = new AtomicLong(1);
    private final Map<EmoteProvider, List<SimEmote>> global = new ConcurrentHashMap<>();
    private final Map<EmoteProvider, Map<String, List<SimEmote>>> byChannel = new ConcurrentHashMap<>();

    public ThirdPartyEmotes() {
        addGlobal(EmoteProvider.BTTV, "FeelsGoodMan", false, false);
        addGlobal(EmoteProvider.BTTV, "FeelsBadMan", false, false);
        addGlobal(EmoteProvider.BTTV, "monkaS", false, false);
        addGlobal(EmoteProvider.FFZ, "LilZ", false, false);
        addGlobal(EmoteProvider.FFZ, "ZreknarF", false, false);
        addGlobal(EmoteProvider.SEVENTV, "EZ", false, false);
        addGlobal(EmoteProvider.SEVENTV, "peepoHappy", false, false);
        addGlobal(EmoteProvider.SEVENTV, "RainTime", true, true);
    }

    public SimEmote addGlobal(EmoteProvider provider, String code, boolean animated, boolean zeroWidth) {
        SimEmote emote = emote(provider, code, animated, zeroWidth);
        global.computeIfAbsent(provider, key -> new CopyOnWriteArrayList<>()).add(emote);
        return emote;
    }

    /** Adds an emote to a channel's set, as when a streamer adds one on the provider's site. */
    public SimEmote addChannelEmote(EmoteProvider provider, String twitchUserId, String code, boolean animated,
                                    boolean zeroWidth) {
        SimEmote emote = emote(provider, code, animated, zeroWidth);
        channelSet(provider, twitchUserId).add(emote);
        return emote;
    }

    public void removeChannelEmote(EmoteProvider provider, String twitchUserId, String code) {
        channelSet(provider, twitchUserId).removeIf(emote -> emote.code().equals(code));
    }

    /** The code of the emote with this id, global or a channel's. */
    Optional<String> codeOf(String id) {
        return Stream.concat(global.values().stream().flatMap(List::stream),
                        byChannel.values().stream().flatMap(channels -> channels.values().stream())
                                .flatMap(List::stream))
                .filter(emote -> emote.id().equals(id)).map(SimEmote::code).findFirst();
    }

    public List<SimEmote> global(EmoteProvider provider) {
        return List.copyOf(global.getOrDefault(provider, List.of()));
    }

    /** The channel's emotes, or null when the provider has never heard of the channel. */
    public List<SimEmote> channel(EmoteProvider provider, String twitchUserId) {
        List<SimEmote> emotes = byChannel.getOrDefault(provider, Map.of()).get(twitchUserId);
        return emotes == null ? null : List.copyOf(emotes);
    }

    private List<SimEmote> channelSet(EmoteProvider provider, String twitchUserId) {
        return byChannel.computeIfAbsent(provider, key -> new ConcurrentHashMap<>())
                .computeIfAbsent(twitchUserId, key -> new CopyOnWriteArrayList<>());
    }

    private SimEmote emote(EmoteProvider provider, String code, boolean animated, boolean zeroWidth) {
        String id = switch (provider) {
            case BTTV -> String.format("5f%022x", nextId.getAndIncrement());
            case FFZ -> Long.toString(100_000 + nextId.getAndIncrement());
            case SEVENTV -> String.format("01H%023X", nextId.getAndIncrement());
        };
        return new SimEmote(id, code, animated, zeroWidth);
    }
}
