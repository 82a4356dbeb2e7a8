package dev.stagehand.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** How many WebSockets a node takes: as configured, or its file limit less room for everything else. */
class WebSocketPropertiesTest {

    @Test
    void theCapLeavesAFifthOfTheFileLimitAndAtLeast1024() {
        WebSocketProperties derived = new WebSocketProperties(0);
        assertThat(derived.cap(20_000)).isEqualTo(16_000);
        assertThat(derived.cap(1_048_576)).isEqualTo(838_861);
        assertThat(derived.cap(4_096)).isEqualTo(3_072);
        // a small limit still takes half of it: better some sockets than none
        assertThat(derived.cap(1_024)).isEqualTo(512);
        assertThat(derived.cap(-1)).isEqualTo(10_000);
        assertThat(new WebSocketProperties(3).cap(20_000)).isEqualTo(3);
    }
}
