package dev.stagehand.query.chat;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Random;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

class UtcInstantsTest {

    @Test
    void readsWhatInstantToStringWritesAsInstantParseDoes() {
        Random random = new Random(23);
        for (int i = 0; i < 100_000; i++) {
            Instant instant = Instant.ofEpochSecond(random.nextLong(-62_000_000_000L, 250_000_000_000L),
                    switch (i % 4) {
                        case 0 -> 0;
                        case 1 -> random.nextInt(1000) * 1_000_000;
                        case 2 -> random.nextInt(1_000_000) * 1_000;
                        default -> random.nextInt(1_000_000_000);
                    });
            assertThat(UtcInstants.parse(instant.toString())).isEqualTo(instant);
        }
    }

    @Test
    void anyOtherTextIsReadOrRefusedAsInstantParseDoes() {
        for (String text : List.of("2026-12-05T18:00:46.1Z", "2026-12-05T18:00:46.12345678Z", "2024-02-29T23:59:59Z",
                "2026-12-05t18:00:46z", "2026-12-05T18:00:46+01:00", "+12026-12-05T18:00:46Z",
                "2026-12-31T23:59:60Z", "0000-01-01T00:00:00Z", "2026-12-05T24:00:00Z", "2026-02-30T00:00:00Z",
                "2026-13-01T00:00:00Z", "2026-12-05T18:00:46.Z", "2026-12-05T18:00:46.1234567890Z",
                "2026-12-05T18:00:4xZ", "2026-12-05 18:00:46Z", "yesterday", "")) {
            assertThat(outcome(() -> UtcInstants.parse(text))).as(text).isEqualTo(outcome(() -> Instant.parse(text)));
        }
    }

    /** The instant read, or the kind of exception that refused the text. */
    private static Object outcome(Supplier<Instant> parse) {
        try {
            return parse.get();
        } catch (RuntimeException refused) {
            return refused.getClass();
        }
    }
}
