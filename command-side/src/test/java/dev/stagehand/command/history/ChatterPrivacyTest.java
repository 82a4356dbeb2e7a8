package dev.stagehand.command.history;

import dev.stagehand.api.history.ChatterOptedIn;
import dev.stagehand.api.history.ChatterOptedOut;
import dev.stagehand.api.history.OptIntoChatHistory;
import dev.stagehand.api.history.OptOutOfChatHistory;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ChatterPrivacyTest {

    private AggregateTestFixture<ChatterPrivacy> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(ChatterPrivacy.class);
    }

    @Test
    void aChatterOptsOut() {
        fixture.givenNoPriorActivity()
               .when(new OptOutOfChatHistory("42", "shy_sam"))
               .expectEvents(new ChatterOptedOut("42", "shy_sam"));
    }

    @Test
    void optingOutTwiceChangesNothing() {
        fixture.given(new ChatterOptedOut("42", "shy_sam"))
               .when(new OptOutOfChatHistory("42", "shy_sam"))
               .expectNoEvents();
    }

    @Test
    void aChatterWhoOptedOutOptsBackIn() {
        fixture.given(new ChatterOptedOut("42", "shy_sam"))
               .when(new OptIntoChatHistory("42"))
               .expectEvents(new ChatterOptedIn("42"));
    }

    @Test
    void optingInWithoutHavingOptedOutChangesNothing() {
        fixture.givenNoPriorActivity()
               .when(new OptIntoChatHistory("42"))
               .expectNoEvents();
    }

    @Test
    void aChatterCanOptOutAgainAfterOptingIn() {
        fixture.given(new ChatterOptedOut("42", "shy_sam"), new ChatterOptedIn("42"))
               .when(new OptOutOfChatHistory("42", "shy_sam"))
               .expectEvents(new ChatterOptedOut("42", "shy_sam"));
    }
}
