package dev.stagehand.query.highlight;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import dev.stagehand.api.highlight.ChatSpike;
import dev.stagehand.api.highlight.SpikeRule;
import java.time.Instant;
import java.util.Arrays;
import java.util.Optional;

/**
 * One channel's spike rule, fed second by second. Messages are counted per second; when a second ends, the window of
 * the last {@code window} seconds is compared with the baseline: the windows that ended in the {@code
 * baselineWindows} seconds before the current window began. Chat commands ({@code !...}) are not counted. Its state
 * is a few hundred numbers, kept by the caller between messages ({@link State}).
 */
final class SpikeDetector {

    private final SpikeRule rule;
    private final int window;

    SpikeDetector(SpikeRule rule) {
        this.rule = rule;
        this.window = rule.windowSeconds();
    }

    /**
     * A channel's recent chat: {@code counts} holds messages per second, a ring ending at {@code second} (the second
     * being counted); {@code seen} how many seconds it has watched.
     */
    @JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY)
    static final class State {
        long second = -1;
        long[] counts;
        long seen;
        long cooldownUntil;
        long quietUntil;
    }

    /** Whether {@code state} was kept with a rule of the same reach (another baseline length needs another ring). */
    boolean fits(State state) {
        return state.counts != null && state.counts.length == window + rule.baselineWindows() + window - 1;
    }

    State fresh() {
        State state = new State();
        state.counts = new long[window + rule.baselineWindows() + window - 1];
        return state;
    }

    /** A chat message at {@code at}; a spike when it ends a second whose window broke the rule. */
    Optional<ChatSpike> message(String channelId, State state, Instant at, String text) {
        Optional<ChatSpike> spike = advance(channelId, state, at.getEpochSecond());
        if (text == null || !text.startsWith("!")) {
            state.counts[index(state, state.second)]++;
        }
        return spike;
    }

    /** Time has come to {@code at} with nothing said: the seconds before it end. */
    Optional<ChatSpike> until(String channelId, State state, Instant at) {
        return advance(channelId, state, at.getEpochSecond());
    }

    /** A raid or a gift-sub wave at {@code at}: the burst it brings is not a highlight. */
    Optional<ChatSpike> burst(String channelId, State state, Instant at) {
        Optional<ChatSpike> spike = advance(channelId, state, at.getEpochSecond());
        state.quietUntil = Math.max(state.quietUntil, at.getEpochSecond() + rule.afterBurstSeconds());
        return spike;
    }

    /**
     * Ends every second before {@code second}; answers the last spike among them. A record of an earlier second (late)
     * counts in the current one.
     */
    private Optional<ChatSpike> advance(String channelId, State state, long second) {
        if (state.second < 0) {
            state.second = second;
            return Optional.empty();
        }
        Optional<ChatSpike> spike = Optional.empty();
        while (state.second < second) {
            Optional<ChatSpike> ended = ended(channelId, state);
            if (ended.isPresent()) {
                spike = ended;
            }
            state.second++;
            state.seen++;
            state.counts[index(state, state.second)] = 0;
            if (second - state.second >= state.counts.length) {
                // A long silence: every second in the ring is empty, and none of them can be a spike.
                Arrays.fill(state.counts, 0);
                state.seen += second - state.second;
                state.second = second;
            }
        }
        return spike;
    }

    /** The second {@code state.second} has ended: does its window break the rule? */
    private Optional<ChatSpike> ended(String channelId, State state) {
        long end = state.second;
        if (state.seen + 1 < state.counts.length || end < state.cooldownUntil || end < state.quietUntil) {
            return Optional.empty();
        }
        long current = windowEndingAt(state, end);
        int baseline = rule.baselineWindows();
        double sum = 0;
        double squares = 0;
        for (int i = 0; i < baseline; i++) {
            long count = windowEndingAt(state, end - window - i);
            sum += count;
            squares += (double) count * count;
        }
        double mean = sum / baseline;
        double deviation = Math.sqrt(Math.max(0, squares / baseline - mean * mean));
        double threshold = Math.max(mean + rule.sigmas() * deviation, mean + rule.minimumLift());
        if (current <= threshold) {
            return Optional.empty();
        }
        state.cooldownUntil = end + rule.cooldownSeconds();
        return Optional.of(new ChatSpike(ChatSpike.SCHEMA_VERSION, channelId, Instant.ofEpochSecond(end - window + 1),
                Instant.ofEpochSecond(end + 1), current, mean, deviation, threshold, baseline));
    }

    private long windowEndingAt(State state, long end) {
        long total = 0;
        for (long second = end - window + 1; second <= end; second++) {
            total += state.counts[index(state, second)];
        }
        return total;
    }

    private static int index(State state, long second) {
        return (int) Math.floorMod(second, (long) state.counts.length);
    }
}
