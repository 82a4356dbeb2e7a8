package dev.stagehand.platform.web;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stagehand.api.common.RuleViolation;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Query parameters are refused in the request's own words. */
class QueryParametersTest {

    private static final Instant EARLY = Instant.parse("2026-12-03T18:00:00Z");
    private static final Instant LATE = Instant.parse("2026-12-03T19:00:00Z");

    @Test
    void aRangeTheWrongWayRoundIsRefusedWithTheRequestsOwnNames() {
        assertThatThrownBy(() -> QueryParameters.ordered("start", LATE, "end", EARLY))
                .isInstanceOf(RuleViolation.class).hasMessage("start must be before end");
        assertThatThrownBy(() -> QueryParameters.boundedRange(LATE, EARLY)).hasMessage("from must be before to");
        assertThatCode(() -> QueryParameters.ordered("start", EARLY, "end", null)).doesNotThrowAnyException();
    }
}
