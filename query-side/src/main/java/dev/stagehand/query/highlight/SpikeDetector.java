package dev.stagehand.query.highlight;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import dev.stagehand.api.highlight.ChatSpike;
import dev.stagehand.api.highlight.SpikeRule;
import java.time.Instant;
import java.util.Arrays;
import java.util.Optional;

/**
 * One channel's spike rule, fed second by second. Messages are counted per second; when a second ends (a later
 * message, or the clock: {@link #until}), the window of the last {@code window} seconds is compared with the baseline:
 * the windows that ended in the {@code baselineWindows} seconds before the current window began. Chat commands
 * ({@code !} and a letter or digit) are not counted. A channel is watched for its whole reach before anything is a
 * spike, and again after a silence longer than its baseline (a stream that paused or came back). The spread a window
 * is measured against is never less than that of random arrivals at the baseline's mean (its square root, at least
 * one message): a perfectly even chat, a bot's, does not turn a handful of messages into a spike. A spike is reported
 * at its first window over the threshold or, with {@code peakSeconds}, once its elevated period has ended (or lasted
 * that long), with its highest window. The cooldown, inclusive, runs from the report. Its state is a few hundred
 * numbers, kept by the caller between messages ({@link State}).
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
     * being counted); {@code seen} how many seconds it has watched since it last warmed up, {@code lastHeard} the
     * last second a message was counted in.
     */
    @JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY)
    static final class State {
        long second = -1;
        long[] counts;
        long seen;
        long lastHeard;
        long cooldownUntil;
        long quietUntil;
        /** While an elevated period is followed to its peak: its highest window so far, and when it began. */
        ChatSpike peak;
        long peakSince;
        /** The per-second baseline the followed period is measured against, as it was when the period began. */
        double peakBaselineMean;
        double peakBaselineSpread;
    }

    /** A baseline's messages per second: their mean, and their spread (never less than random arrivals). */
    private record PerSecond(double mean, double spread) {

        double intensity(long windowCount, int window) {
            return ((double) windowCount / window - mean) / spread;
        }
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

    /**
     * The second the channel's watch began: its first message, or the first after a silence longer than the baseline
     * (from a message counted in the current second on, this stays put while the chat goes on).
     */
    long watchedSince(State state) {
        return state.second - state.seen;
    }

    /** When a watch that began at {@code since} can first find a spike: once its ring holds a baseline and a window. */
    Instant warmAt(long since) {
        return Instant.ofEpochSecond(since + window + rule.baselineWindows() + window - 1);
    }

    /** A chat message at {@code at}; a spike when it ends a second whose window broke the rule. */
    Optional<ChatSpike> message(String channelId, State state, Instant at, String text) {
        Optional<ChatSpike> spike = advance(channelId, state, at.getEpochSecond());
        if (!isCommand(text)) {
            state.counts[index(state, state.second)]++;
            state.lastHeard = state.second;
        }
        return spike;
    }

    /** {@code !} followed by a letter or digit: {@code !drop} is a command, {@code ! lol} and {@code !!!} are chat. */
    static boolean isCommand(String text) {
        return text != null && text.length() > 1 && text.charAt(0) == '!' && Character.isLetterOrDigit(text.charAt(1));
    }

    /** Time has come to {@code at}: the seconds before it end, whether or not anything was said in them. */
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
            state.lastHeard = second;
            return Optional.empty();
        }
        Optional<ChatSpike> spike = Optional.empty();
        while (state.second < second) {
            Optional<ChatSpike> ended = ended(channelId, state);
            if (ended.isPresent()) {
                spike = ended;
            }
            state.second++;
            state.seen = state.second - state.lastHeard > rule.baselineWindows() ? 0 : state.seen + 1;
            state.counts[index(state, state.second)] = 0;
            if (second - state.second >= state.counts.length) {
                // A long silence: every second in the ring is empty, and the channel warms up again after it.
                Arrays.fill(state.counts, 0);
                state.seen = 0;
                state.second = second;
            }
        }
        return spike;
    }

    /** The second {@code state.second} has ended: does its window break the rule? */
    private Optional<ChatSpike> ended(String channelId, State state) {
        long end = state.second;
        if (state.peak != null) {
            return followed(state, end);
        }
        if (state.seen + 1 < state.counts.length || end <= state.cooldownUntil || end < state.quietUntil) {
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
        double threshold = Math.max(mean + rule.sigmas() * atLeastRandom(deviation, mean),
                mean + rule.minimumLift());
        if (current <= threshold) {
            return Optional.empty();
        }
        PerSecond perSecond = perSecond(state, end);
        ChatSpike spike = new ChatSpike(ChatSpike.SCHEMA_VERSION, channelId, Instant.ofEpochSecond(end - window + 1),
                Instant.ofEpochSecond(end + 1), current, mean, deviation, threshold, baseline,
                perSecond.intensity(current, window));
        if (rule.peakSeconds() == 0) {
            return reported(state, spike, end);
        }
        state.peak = spike;
        state.peakSince = end;
        state.peakBaselineMean = perSecond.mean();
        state.peakBaselineSpread = perSecond.spread();
        return Optional.empty();
    }

    /**
     * The period being followed, one second on: a higher window above the threshold that began it becomes its peak;
     * it is reported once its window falls back to the threshold or it has lasted {@code peakSeconds}.
     */
    private Optional<ChatSpike> followed(State state, long end) {
        ChatSpike peak = state.peak;
        long current = windowEndingAt(state, end);
        boolean elevated = current > peak.threshold();
        if (elevated && current > peak.messages()) {
            peak = new ChatSpike(ChatSpike.SCHEMA_VERSION, peak.channelId(), Instant.ofEpochSecond(end - window + 1),
                    Instant.ofEpochSecond(end + 1), current, peak.baselineMean(), peak.baselineStdDev(),
                    peak.threshold(), peak.baselineWindows(),
                    new PerSecond(state.peakBaselineMean, state.peakBaselineSpread).intensity(current, window));
            state.peak = peak;
        }
        if (elevated && end - state.peakSince < rule.peakSeconds()) {
            return Optional.empty();
        }
        state.peak = null;
        return reported(state, peak, end);
    }

    private Optional<ChatSpike> reported(State state, ChatSpike spike, long end) {
        state.cooldownUntil = end + rule.cooldownSeconds();
        return Optional.of(spike);
    }

    /** A spread never less than that of random arrivals at {@code mean}: its square root, at least 1. */
    private static double atLeastRandom(double deviation, double mean) {
        return Math.max(deviation, Math.sqrt(Math.max(1, mean)));
    }

    /** Every second the baseline windows cover, before the window that ends at {@code end}, per second. */
    private PerSecond perSecond(State state, long end) {
        int seconds = rule.baselineWindows() + window - 1;
        double sum = 0;
        double squares = 0;
        for (long second = end - window - seconds + 1; second <= end - window; second++) {
            long count = state.counts[index(state, second)];
            sum += count;
            squares += (double) count * count;
        }
        double mean = sum / seconds;
        double deviation = Math.sqrt(Math.max(0, (squares - seconds * mean * mean) / (seconds - 1)));
        return new PerSecond(mean, atLeastRandom(deviation, mean));
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
