package dev.stagehand.live.chatroom;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Ticks keep their configured length while few clients are connected and lengthen, up to a second, as more join. */
class TickPaceTest {

    private static final long MS = 1_000_000;

    private final TickPace pace = new TickPace(Duration.ofMillis(50), 20_000);

    @Test
    void ticksLengthenSoThatTheNodeSendsAtMostItsFramesPerSecond() {
        assertThat(pace.length(0)).isEqualTo(Duration.ofMillis(50));
        assertThat(pace.length(1_000)).isEqualTo(Duration.ofMillis(50));
        assertThat(pace.length(3_000)).isEqualTo(Duration.ofMillis(150));
        assertThat(pace.length(20_000)).isEqualTo(Duration.ofSeconds(1));
        assertThat(pace.length(1_000_000)).isEqualTo(Duration.ofSeconds(1));
    }

    @Test
    void aTickIsDueOnceItsLengthHasPassedAllowingForTheCheckersJitter() {
        Duration length = Duration.ofMillis(150);
        assertThat(pace.due(length, 1_000 * MS)).isTrue();
        assertThat(pace.due(length, 1_050 * MS)).isFalse();
        assertThat(pace.due(length, 1_100 * MS)).isFalse();
        assertThat(pace.due(length, 1_149 * MS)).isTrue();
        assertThat(pace.due(Duration.ofMillis(50), 1_160 * MS)).isFalse();
        assertThat(pace.due(Duration.ofMillis(50), 1_198 * MS)).isTrue();
    }

    @Test
    void aFrameCarriesTheReadableShareOfItsTick() {
        RoomProperties settings = new RoomProperties(Duration.ofMillis(50), 20_000, 40, 500, 5, Duration.ofSeconds(1),
                1000, 200);
        assertThat(settings.perTick(Duration.ofMillis(50))).isEqualTo(2);
        assertThat(settings.perTick(Duration.ofMillis(150))).isEqualTo(6);
        assertThat(settings.perTick(Duration.ofNanos(151_500_000))).isEqualTo(6);
        assertThat(settings.perTick(Duration.ofSeconds(1))).isEqualTo(40);
        assertThat(settings.perTick(Duration.ofMillis(10))).isEqualTo(1);
    }
}
