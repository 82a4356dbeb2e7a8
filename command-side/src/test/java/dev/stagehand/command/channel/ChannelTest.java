package dev.stagehand.command.channel;

import dev.stagehand.api.account.AccountId;
import dev.stagehand.api.channel.ChannelId;
import dev.stagehand.api.channel.ChannelJoinFailed;
import dev.stagehand.api.channel.ChannelJoined;
import dev.stagehand.api.channel.ChannelLeft;
import dev.stagehand.api.channel.ChannelSubscribed;
import dev.stagehand.api.channel.ChannelUnsubscribed;
import dev.stagehand.api.channel.RecordChannelJoinFailed;
import dev.stagehand.api.channel.RecordChannelJoined;
import dev.stagehand.api.channel.RecordChannelLeft;
import dev.stagehand.api.channel.SubscribeChannel;
import dev.stagehand.api.channel.UnsubscribeChannel;
import dev.stagehand.api.common.RuleViolation;
import dev.stagehand.api.highlight.ConfigureHighlights;
import dev.stagehand.api.highlight.HighlightsConfigured;
import dev.stagehand.api.highlight.SpikeRule;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ChannelTest {

    private static final ChannelId CHANNEL = new ChannelId("100000001");
    private static final AccountId ADA = new AccountId("ada");
    private static final AccountId SAM = new AccountId("sam");

    private AggregateTestFixture<Channel> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Channel.class);
    }

    private static ChannelSubscribed subscribed(AccountId who, int subscribers) {
        return new ChannelSubscribed(CHANNEL, "pixelpanda", "PixelPanda", who, subscribers);
    }

    @Test
    void theFirstSubscriptionCreatesTheChannel() {
        fixture.givenNoPriorActivity()
               .when(new SubscribeChannel(CHANNEL, "pixelpanda", "PixelPanda", ADA))
               .expectEvents(subscribed(ADA, 1));
    }

    @Test
    void aSecondSubscriberIsCounted() {
        fixture.given(subscribed(ADA, 1))
               .when(new SubscribeChannel(CHANNEL, "pixelpanda", "PixelPanda", SAM))
               .expectEvents(subscribed(SAM, 2));
    }

    @Test
    void subscribingTwiceChangesNothing() {
        fixture.given(subscribed(ADA, 1))
               .when(new SubscribeChannel(CHANNEL, "pixelpanda", "PixelPanda", ADA))
               .expectSuccessfulHandlerExecution()
               .expectNoEvents();
    }

    @Test
    void theLastUnsubscriptionLeavesNoSubscriber() {
        fixture.given(subscribed(ADA, 1), subscribed(SAM, 2), new ChannelUnsubscribed(CHANNEL, "pixelpanda", SAM, 1))
               .when(new UnsubscribeChannel(CHANNEL, ADA))
               .expectEvents(new ChannelUnsubscribed(CHANNEL, "pixelpanda", ADA, 0));
    }

    @Test
    void cannotUnsubscribeAChannelOneDoesNotSubscribe() {
        fixture.given(subscribed(ADA, 1))
               .when(new UnsubscribeChannel(CHANNEL, SAM))
               .expectException(RuleViolation.class)
               .expectExceptionMessage("You do not subscribe the channel pixelpanda");
    }

    @Test
    void recordsAJoinOnce() {
        fixture.given(subscribed(ADA, 1), new ChannelJoined(CHANNEL))
               .when(new RecordChannelJoined(CHANNEL))
               .expectNoEvents();
        fixture.given(subscribed(ADA, 1))
               .when(new RecordChannelJoined(CHANNEL))
               .expectEvents(new ChannelJoined(CHANNEL));
    }

    @Test
    void aJoinWithoutSubscribersIsNotRecorded() {
        fixture.given(subscribed(ADA, 1), new ChannelUnsubscribed(CHANNEL, "pixelpanda", ADA, 0))
               .when(new RecordChannelJoined(CHANNEL))
               .expectNoEvents();
    }

    @Test
    void recordsAFailedJoinWithItsReasonAndANewReasonAgain() {
        fixture.given(subscribed(ADA, 1), new ChannelJoinFailed(CHANNEL, "banned"))
               .when(new RecordChannelJoinFailed(CHANNEL, "banned"))
               .expectNoEvents();
        fixture.given(subscribed(ADA, 1), new ChannelJoinFailed(CHANNEL, "banned"))
               .when(new RecordChannelJoinFailed(CHANNEL, "suspended"))
               .expectEvents(new ChannelJoinFailed(CHANNEL, "suspended"));
    }

    @Test
    void aFailedChannelThatJoinsLaterIsJoined() {
        fixture.given(subscribed(ADA, 1), new ChannelJoinFailed(CHANNEL, "timed out"))
               .when(new RecordChannelJoined(CHANNEL))
               .expectEvents(new ChannelJoined(CHANNEL));
    }

    @Test
    void recordsLeavingOnce() {
        fixture.given(subscribed(ADA, 1), new ChannelJoined(CHANNEL),
                       new ChannelUnsubscribed(CHANNEL, "pixelpanda", ADA, 0))
               .when(new RecordChannelLeft(CHANNEL))
               .expectEvents(new ChannelLeft(CHANNEL));
        fixture.given(subscribed(ADA, 1), new ChannelLeft(CHANNEL))
               .when(new RecordChannelLeft(CHANNEL))
               .expectNoEvents();
    }

    private static final SpikeRule RULE = new SpikeRule(5, 60, 2.5, 8, 45, 30, 0);

    @Test
    void theBroadcasterTurnsOnAutoClippingWithTheirOwnRule() {
        fixture.given(subscribed(ADA, 1))
               .when(new ConfigureHighlights(CHANNEL, ADA, true, RULE))
               .expectEvents(new HighlightsConfigured(CHANNEL, ADA, true, RULE));
    }

    @Test
    void configuringTheSameHighlightsAgainChangesNothing() {
        fixture.given(subscribed(ADA, 1), new HighlightsConfigured(CHANNEL, ADA, true, RULE))
               .when(new ConfigureHighlights(CHANNEL, ADA, true, new SpikeRule(5, 60, 2.5, 8, 45, 30, 0)))
               .expectSuccessfulHandlerExecution()
               .expectNoEvents();
    }

    @Test
    void goingBackToTheDefaultRuleIsAChange() {
        fixture.given(subscribed(ADA, 1), new HighlightsConfigured(CHANNEL, ADA, true, RULE))
               .when(new ConfigureHighlights(CHANNEL, ADA, true, null))
               .expectEvents(new HighlightsConfigured(CHANNEL, ADA, true, null));
    }

    @Test
    void theBroadcasterUnsubscribingTurnsAutoClippingOff() {
        fixture.given(subscribed(ADA, 1), subscribed(SAM, 2), new HighlightsConfigured(CHANNEL, ADA, true, RULE))
               .when(new UnsubscribeChannel(CHANNEL, ADA))
               .expectEvents(new ChannelUnsubscribed(CHANNEL, "pixelpanda", ADA, 1),
                       new HighlightsConfigured(CHANNEL, ADA, false, RULE));
    }

    @Test
    void cannotConfigureHighlightsOfAChannelNotSubscribed() {
        fixture.given(subscribed(SAM, 1))
               .when(new ConfigureHighlights(CHANNEL, ADA, true, null))
               .expectException(RuleViolation.class)
               .expectExceptionMessage("Subscribe your channel pixelpanda before setting up its highlights");
    }

    @Test
    void cannotConfigureARuleOutOfRange() {
        fixture.given(subscribed(ADA, 1))
               .when(new ConfigureHighlights(CHANNEL, ADA, true, new SpikeRule(5, 60, 2.5, 0, 45, 30, 0)))
               .expectException(RuleViolation.class)
               .expectExceptionMessage("minimumLift must be between 1 and 100000");
    }
}
