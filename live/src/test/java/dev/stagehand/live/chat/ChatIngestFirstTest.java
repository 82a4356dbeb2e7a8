package dev.stagehand.live.chat;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stagehand.api.chat.ChatLoad;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** While lines read from Twitch wait, the readers of the chat that can wait are paused, least urgent first. */
class ChatIngestFirstTest {

    private final List<String> calls = new ArrayList<>();
    private int waiting;
    private long now;
    private final ChatIngestFirst priority = new ChatIngestFirst(() -> new ChatLoad(List.of(1), 50, waiting),
            List.of(reader("history"), reader("analytics")), new SimpleMeterRegistry(), () -> now);

    @Test
    void linesWaitingPauseOneReaderACheckLeastUrgentFirst() {
        waiting = ChatIngestFirst.BEHIND;
        priority.check();
        assertThat(calls).containsExactly("pause history");
        priority.check();
        priority.check();
        assertThat(calls).containsExactly("pause history", "pause analytics");
        assertThat(priority.paused()).isEqualTo(2);
    }

    @Test
    void readersResumeLastPausedFirstEachAfterReadingKeptUpForAWhile() {
        waiting = ChatIngestFirst.BEHIND;
        priority.check();
        priority.check();
        calls.clear();

        waiting = ChatIngestFirst.KEPT_UP;
        elapse(ChatIngestFirst.CALM.minusMillis(1));
        assertThat(calls).isEmpty();
        elapse(Duration.ofMillis(1));
        assertThat(calls).containsExactly("resume analytics");
        elapse(ChatIngestFirst.CALM);
        assertThat(calls).containsExactly("resume analytics", "resume history");
        elapse(ChatIngestFirst.CALM);
        assertThat(calls).hasSize(2);
    }

    @Test
    void someLinesWaitingPauseNothingMoreButPutOffResuming() {
        waiting = ChatIngestFirst.BEHIND;
        priority.check();
        calls.clear();

        waiting = ChatIngestFirst.BEHIND - 1;
        elapse(ChatIngestFirst.CALM);
        waiting = 0;
        elapse(ChatIngestFirst.CALM.minusMillis(1));
        assertThat(calls).isEmpty();
        elapse(Duration.ofMillis(1));
        assertThat(calls).containsExactly("resume history");
    }

    @Test
    void stoppingResumesWhatWasPaused() {
        waiting = ChatIngestFirst.BEHIND;
        priority.check();
        priority.check();
        calls.clear();

        priority.stop();
        assertThat(calls).containsExactly("resume analytics", "resume history");
        assertThat(priority.paused()).isZero();
    }

    private void elapse(Duration duration) {
        now += duration.toNanos();
        priority.check();
    }

    private PausableReader reader(String name) {
        return new PausableReader(name, () -> calls.add("pause " + name), () -> calls.add("resume " + name));
    }
}
