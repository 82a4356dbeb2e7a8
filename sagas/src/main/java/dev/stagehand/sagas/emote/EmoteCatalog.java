package dev.stagehand.sagas.emote;

import dev.stagehand.api.chat.ChatRecord.EmoteOccurrence;
import dev.stagehand.api.chat.ChatRecord.EmoteProvider;
import dev.stagehand.platform.DaemonThreads;
import dev.stagehand.sagas.twitch.TwitchUnavailableException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Every third-party emote and Twitch chat badge Stagehand knows, global and per joined channel, held in memory so that
 * matching a message never asks a provider; emotes are also stored so that a restart starts with them. Refreshes run
 * on their own thread (global sets hourly, channels every 10 minutes by default, or at once on request) and ask each
 * provider on its own: one that is down keeps its last known set, and chat never waits for any of them. Whoever shows
 * badges hears when a channel's change.
 */
@Component
public class EmoteCatalog implements EmoteMatcher, SmartLifecycle {


    /** When the same code exists several times, the channel's own emotes win, then 7TV, BetterTTV, FrankerFaceZ. */
    private static final List<EmoteProvider> PRECEDENCE =
            List.of(EmoteProvider.FFZ, EmoteProvider.BTTV, EmoteProvider.SEVENTV);
    private static final Logger log = LoggerFactory.getLogger(EmoteCatalog.class);

    private final EmoteProviders providers;
    private final TwitchBadges twitchBadges;
    private final EmoteSets store;
    private final EmoteProperties settings;
    private volatile Map<String, String> globalBadges = Map.of();
    private final Map<String, Map<String, String>> channelBadges = new ConcurrentHashMap<>();
    private final List<Consumer<String>> badgeListeners = new CopyOnWriteArrayList<>();
    private final Map<EmoteProvider, List<Emote>> global = new ConcurrentHashMap<>();
    private final Map<String, Map<EmoteProvider, List<Emote>>> channels = new ConcurrentHashMap<>();
    private volatile Map<String, Emote> globalByCode = Map.of();
    private final Map<String, Map<String, Emote>> channelByCode = new ConcurrentHashMap<>();
    private final Set<String> watched = ConcurrentHashMap.newKeySet();
    private volatile ScheduledExecutorService refresher;

    EmoteCatalog(EmoteProviders providers, TwitchBadges twitchBadges, EmoteSets store, EmoteProperties settings) {
        this.providers = providers;
        this.twitchBadges = twitchBadges;
        this.store = store;
        this.settings = settings;
    }

    /** Starts keeping a channel's emotes: fetched now, refreshed every 10 minutes. */
    public void watch(String channelId) {
        if (watched.add(channelId)) {
            refresher.execute(() -> safely(() -> refreshChannel(channelId)));
        }
    }

    public void unwatch(String channelId) {
        watched.remove(channelId);
        channels.remove(channelId);
        channelByCode.remove(channelId);
        channelBadges.remove(channelId);
    }

    /** Fetches a joined channel's emotes and badges now, on the caller's thread; false when it is not joined here. */
    public boolean refreshNow(String channelId) {
        if (!watched.contains(channelId)) {
            return false;
        }
        refreshChannel(channelId);
        return true;
    }

    /** The channel's third-party emote sets as last fetched, with when. */
    public List<EmoteSet> channelEmotes(String channelId) {
        return store.of(channelId);
    }

    /** Badge images by {@code set/version}: the channel's own over the global ones. */
    public Map<String, String> badgeImages(String channelId) {
        Map<String, String> images = new HashMap<>(globalBadges);
        images.putAll(channelBadges.getOrDefault(channelId, Map.of()));
        return images;
    }

    /** {@code listener} hears the id of every channel whose badge images changed. */
    public void onBadgesChanged(Consumer<String> listener) {
        badgeListeners.add(listener);
    }

    @Override
    public void start() {
        loadStored();
        refresher = Executors.newSingleThreadScheduledExecutor(DaemonThreads.named("emote-refresh"));
        long global = settings.globalRefresh().toMillis();
        long channel = settings.channelRefresh().toMillis();
        refresher.scheduleWithFixedDelay(() -> safely(this::refreshGlobal), 0, global, TimeUnit.MILLISECONDS);
        refresher.scheduleWithFixedDelay(() -> watched.forEach(id -> safely(() -> refreshChannel(id))), channel,
                channel, TimeUnit.MILLISECONDS);
    }

    @Override
    public void stop() {
        refresher.shutdownNow();
        refresher = null;
    }

    @Override
    public boolean isRunning() {
        return refresher != null;
    }

    /** Runs before the chat connection starts, so that rejoined channels match emotes from their first line. */
    @Override
    public int getPhase() {
        return SmartLifecycle.DEFAULT_PHASE - 1;
    }

    /** Reloads the global sets. */
    void refreshGlobal() {
        for (EmoteProvider provider : PRECEDENCE) {
            fetch(() -> providers.global(provider), EmoteSets.GLOBAL, provider)
                    .ifPresent(emotes -> global.put(provider, emotes));
        }
        globalByCode = byCode(global);
        fetchBadges(twitchBadges::global, EmoteSets.GLOBAL).filter(badges -> !badges.equals(globalBadges))
                .ifPresent(badges -> {
                    globalBadges = badges;
                    watched.forEach(this::badgesChanged);
                });
    }

    /** Reloads one channel's sets. */
    void refreshChannel(String channelId) {
        Map<EmoteProvider, List<Emote>> sets = channels.computeIfAbsent(channelId,
                id -> new EnumMap<>(EmoteProvider.class));
        for (EmoteProvider provider : PRECEDENCE) {
            fetch(() -> providers.channel(provider, channelId), channelId, provider)
                    .ifPresent(emotes -> sets.put(provider, emotes));
        }
        channelByCode.put(channelId, byCode(sets));
        fetchBadges(() -> twitchBadges.channel(channelId), channelId)
                .filter(badges -> !badges.equals(channelBadges.put(channelId, badges)))
                .ifPresent(badges -> badgesChanged(channelId));
    }

    private Optional<Map<String, String>> fetchBadges(Supplier<Map<String, String>> fetch, String scope) {
        try {
            return Optional.of(fetch.get());
        } catch (TwitchUnavailableException unavailable) {
            log.warn("Twitch badges of {} not refreshed, keeping the last known ones: {}", scope,
                    unavailable.getCause().toString());
            return Optional.empty();
        }
    }

    private void badgesChanged(String channelId) {
        badgeListeners.forEach(listener -> listener.accept(channelId));
    }

    /** Loads what was stored last, so that a restart matches emotes before any provider answers. */
    private void loadStored() {
        store.all().forEach((scope, sets) -> {
            if (EmoteSets.GLOBAL.equals(scope)) {
                global.putAll(sets);
                globalByCode = byCode(global);
            } else {
                channels.put(scope, new EnumMap<>(sets));
                channelByCode.put(scope, byCode(sets));
            }
        });
    }

    /** The emotes in {@code text}: Twitch's own (from the message) and every third-party word, by position. */
    @Override
    public List<EmoteOccurrence> occurrences(String channelId, String text, List<EmoteOccurrence> twitch) {
        return match(channelByCode.getOrDefault(channelId, Map.of()), globalByCode, text, twitch);
    }

    /**
     * Third-party emotes are whole words (Twitch splits on spaces) outside Twitch's own emotes; the channel's set
     * before the global one. Positions count code points, as Twitch's do.
     */
    static List<EmoteOccurrence> match(Map<String, Emote> channel, Map<String, Emote> global, String text,
                                       List<EmoteOccurrence> twitch) {
        if (channel.isEmpty() && global.isEmpty()) {
            return twitch;
        }
        List<EmoteOccurrence> all = new ArrayList<>(twitch);
        int position = 0;
        for (String word : text.split(" ", -1)) {
            int length = word.codePointCount(0, word.length());
            int start = position;
            int end = position + length - 1;
            position += length + 1;
            if (length == 0 || twitch.stream().anyMatch(emote -> emote.start() <= end && emote.end() >= start)) {
                continue;
            }
            Emote emote = channel.getOrDefault(word, global.get(word));
            if (emote != null) {
                all.add(new EmoteOccurrence(emote.provider(), emote.id(), word, start, end, emote.zeroWidth()));
            }
        }
        all.sort(Comparator.comparingInt(EmoteOccurrence::start));
        return List.copyOf(all);
    }

    private Optional<List<Emote>> fetch(Supplier<List<Emote>> fetch, String scope,
                                        EmoteProvider provider) {
        try {
            List<Emote> emotes = fetch.get();
            store.save(scope, provider, emotes);
            return Optional.of(emotes);
        } catch (EmoteProviderUnavailableException unavailable) {
            log.warn("{} emotes of {} not refreshed, keeping the last known ones: {}", provider, scope,
                    unavailable.getMessage());
            return Optional.empty();
        }
    }

    /** A failed refresh must not end the periodic ones (a scheduled task that throws is never run again). */
    private static void safely(Runnable refresh) {
        try {
            refresh.run();
        } catch (RuntimeException e) {
            log.warn("An emote refresh failed", e);
        }
    }

    private static Map<String, Emote> byCode(Map<EmoteProvider, List<Emote>> sets) {
        Map<String, Emote> byCode = new HashMap<>();
        for (EmoteProvider provider : PRECEDENCE) {
            sets.getOrDefault(provider, List.of()).forEach(emote -> byCode.put(emote.code(), emote));
        }
        return Map.copyOf(byCode);
    }
}
