package dev.stagehand.command.highlight;

import dev.stagehand.api.account.AccountId;
import dev.stagehand.api.common.RuleViolation;
import dev.stagehand.api.highlight.ConfigureTopStreamsWatch;
import dev.stagehand.api.highlight.StopTopStreamsWatch;
import dev.stagehand.api.highlight.TopStreams;
import dev.stagehand.api.highlight.TopStreamsWatchConfigured;
import dev.stagehand.api.highlight.TopStreamsWatchStopped;
import java.util.List;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class TopStreamsWatchTest {

    private static final String WATCH = TopStreams.WATCH_ID;
    private static final AccountId OPS = new AccountId("ops");
    private static final TopStreamsWatchConfigured RUNNING = new TopStreamsWatchConfigured(WATCH, OPS, 20,
            List.of("509658"), List.of("en", "de"), "100000009", "clipbot");

    private AggregateTestFixture<TopStreamsWatch> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(TopStreamsWatch.class);
    }

    private static ConfigureTopStreamsWatch configure(int streams, List<String> games, List<String> languages) {
        return new ConfigureTopStreamsWatch(WATCH, OPS, streams, games, languages, "100000009", "clipbot");
    }

    @Test
    void anOperatorStartsTheWatch() {
        fixture.givenNoPriorActivity()
               .when(configure(20, List.of("509658"), List.of("en", "de")))
               .expectEvents(RUNNING);
    }

    @Test
    void theSameSettingsAgainChangeNothingAndOthersAreAChange() {
        fixture.given(RUNNING)
               .when(configure(20, List.of("509658"), List.of("en", "de")))
               .expectSuccessfulHandlerExecution()
               .expectNoEvents();
        fixture.given(RUNNING)
               .when(configure(30, List.of(), List.of()))
               .expectEvents(new TopStreamsWatchConfigured(WATCH, OPS, 30, List.of(), List.of(), "100000009",
                       "clipbot"));
    }

    @Test
    void settingsOutOfRangeAreRefusedNamed() {
        fixture.givenNoPriorActivity().when(configure(0, List.of(), List.of()))
               .expectException(RuleViolation.class).expectExceptionMessage("streams must be between 1 and 100");
        fixture.givenNoPriorActivity().when(configure(101, List.of(), List.of()))
               .expectException(RuleViolation.class);
        fixture.givenNoPriorActivity().when(configure(5, List.of("Just Chatting"), List.of()))
               .expectException(RuleViolation.class)
               .expectExceptionMessage("gameIds must be Twitch category ids, such as 509658, not 'Just Chatting'");
        fixture.givenNoPriorActivity().when(configure(5, List.of(), List.of("english")))
               .expectException(RuleViolation.class)
               .expectExceptionMessage("languages must be two-letter language codes, such as en, or other, not "
                       + "'english'");
        fixture.givenNoPriorActivity().when(configure(5, List.of(), List.of("a", "b", "c", "d", "e", "f", "g", "h",
                       "i", "j", "k")))
               .expectException(RuleViolation.class).expectExceptionMessage("languages holds at most 10 entries");
    }

    @Test
    void stoppingARunningWatchStopsIt() {
        fixture.given(RUNNING)
               .when(new StopTopStreamsWatch(WATCH, OPS))
               .expectEvents(new TopStreamsWatchStopped(WATCH, OPS));
        fixture.given(RUNNING, new TopStreamsWatchStopped(WATCH, OPS))
               .when(new StopTopStreamsWatch(WATCH, OPS))
               .expectNoEvents();
    }

    @Test
    void aStoppedWatchStartsAgainWithTheSameSettings() {
        fixture.given(RUNNING, new TopStreamsWatchStopped(WATCH, OPS))
               .when(configure(20, List.of("509658"), List.of("en", "de")))
               .expectEvents(RUNNING);
    }
}
