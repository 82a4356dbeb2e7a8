package dev.stagehand.twitchsim.helix;

import dev.stagehand.twitchsim.world.SimStream;
import dev.stagehand.twitchsim.world.SimUser;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Clips being made and made. Twitch answers a clip request at once with an id, and the clip shows up in
 * {@code GET /helix/clips} only some seconds later, or never when making it failed.
 */
public final class SimClips {

    private static final String[] WORDS = {"Awkward", "Helpless", "Salamander", "Swift", "Rage", "Brave", "Tiny",
            "Noodle", "Kappa", "Crispy", "Jolly", "Otter", "Pog", "Sleepy", "Falcon", "Mighty"};

    private final Map<String, SimClip> clips = new ConcurrentHashMap<>();
    private final Set<String> channelsWithoutClips = ConcurrentHashMap.newKeySet();
    /** Per broadcaster, the users Twitch refuses clips from there (banned, or not allowed by its clip settings). */
    private final Map<String, Set<String>> refusedClippers = new ConcurrentHashMap<>();
    private final AtomicInteger failuresToCome = new AtomicInteger();
    private volatile Duration processingTime = Duration.ofSeconds(5);

    /** How long a new clip takes to appear in {@code GET /helix/clips} (Twitch documents up to 15 s). */
    public void processingTime(Duration duration) {
        processingTime = duration;
    }

    /** The next {@code count} clip requests are accepted (202) but their clips never appear. */
    public void failNext(int count) {
        failuresToCome.set(count);
    }

    /** Turns clips on or off in a channel: while off, every clip request there is a 403. */
    public void enable(String broadcasterId, boolean enabled) {
        if (enabled) {
            channelsWithoutClips.remove(broadcasterId);
        } else {
            channelsWithoutClips.add(broadcasterId);
        }
    }

    /** From now on, this user's clip requests in the channel are a 403, as for a user banned there. */
    public void refuse(String broadcasterId, String clipperId) {
        refusedClippers.computeIfAbsent(broadcasterId, id -> ConcurrentHashMap.newKeySet()).add(clipperId);
    }

    public String describe(String broadcasterId) {
        return (channelsWithoutClips.contains(broadcasterId) ? "clips off" : "clips on") + ", refusing "
                + refusedClippers.getOrDefault(broadcasterId, Set.of()).size() + " user(s)";
    }

    /** Why Twitch refuses this user's clip of the channel, with a 403; empty when it does not. */
    Optional<String> refusal(String broadcasterId, String clipperId) {
        if (channelsWithoutClips.contains(broadcasterId)) {
            return Optional.of("The specified broadcaster has not enabled clips on their channel.");
        }
        if (refusedClippers.getOrDefault(broadcasterId, Set.of()).contains(clipperId)) {
            return Optional.of("The user is banned or timed out in the broadcaster's channel.");
        }
        return Optional.empty();
    }

    public List<SimClip> all() {
        return clips.values().stream().sorted(Comparator.comparing(SimClip::createdAt)).toList();
    }

    SimClip create(SimStream stream, SimUser creator, Instant now, float duration) {
        String id = slug();
        SimClip clip = new SimClip(id, stream, creator, now, now.plus(processingTime), duration);
        if (failuresToCome.getAndUpdate(n -> Math.max(0, n - 1)) == 0) {
            clips.put(id, clip);
        }
        return clip;
    }

    /** Clips that have finished processing. */
    List<SimClip> visible(Instant now) {
        return all().stream().filter(clip -> !clip.visibleAt().isAfter(now)).toList();
    }

    private static String slug() {
        StringBuilder slug = new StringBuilder();
        ThreadLocalRandom random = ThreadLocalRandom.current();
        for (int i = 0; i < 4; i++) {
            slug.append(WORDS[random.nextInt(WORDS.length)]);
        }
        return slug.append('-').append(Long.toString(random.nextLong(1L << 40), 36)).toString();
    }
}
