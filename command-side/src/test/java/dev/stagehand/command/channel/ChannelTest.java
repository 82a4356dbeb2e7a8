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
import dev.stagehand.api.highlight.AutoClipChosen;
import dev.stagehand.api.highlight.AutoClippingPaused;
import dev.stagehand.api.highlight.AutoClippingResumed;
import dev.stagehand.api.highlight.ChooseAutoClip;
import dev.stagehand.api.highlight.ConfigureHighlights;
import dev.stagehand.api.highlight.HighlightsConfigured;
import dev.stagehand.api.highlight.PauseAutoClipping;
import dev.stagehand.api.highlight.ResumeAutoClipping;
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
    /** Ada is the broadcaster: her Twitch account is the channel. */
    private static final String ADA_TWITCH = CHANNEL.value();
    private static final String SAM_TWITCH = "200000002";

    @Test
    void theBroadcasterSetsTheirOwnRuleAndOpensTheirClips() {
        fixture.given(subscribed(ADA, 1))
               .when(new ConfigureHighlights(CHANNEL, ADA, RULE, false, true, false))
               .expectEvents(new HighlightsConfigured(CHANNEL, ADA, RULE, false, true, false));
    }

    @Test
    void configuringTheSameHighlightsAgainChangesNothing() {
        fixture.given(subscribed(ADA, 1), new HighlightsConfigured(CHANNEL, ADA, RULE, true, false, false))
               .when(new ConfigureHighlights(CHANNEL, ADA, new SpikeRule(5, 60, 2.5, 8, 45, 30, 0), true, false, false))
               .expectSuccessfulHandlerExecution()
               .expectNoEvents();
    }

    @Test
    void goingBackToTheDefaultRuleIsAChange() {
        fixture.given(subscribed(ADA, 1), new HighlightsConfigured(CHANNEL, ADA, RULE, true, false, false))
               .when(new ConfigureHighlights(CHANNEL, ADA, null, true, false, false))
               .expectEvents(new HighlightsConfigured(CHANNEL, ADA, null, true, false, false));
    }

    @Test
    void cannotConfigureHighlightsOfAChannelNotSubscribed() {
        fixture.given(subscribed(SAM, 1))
               .when(new ConfigureHighlights(CHANNEL, ADA, null, true, false, false))
               .expectException(RuleViolation.class)
               .expectExceptionMessage("Subscribe your channel pixelpanda before setting up its highlights");
    }

    @Test
    void cannotConfigureARuleOutOfRange() {
        fixture.given(subscribed(ADA, 1))
               .when(new ConfigureHighlights(CHANNEL, ADA, new SpikeRule(5, 60, 2.5, 0, 45, 30, 0), true, false, false))
               .expectException(RuleViolation.class)
               .expectExceptionMessage("minimumLift must be between 1 and 100000");
    }

    @Test
    void aSubscriberWhoIsNotTheBroadcasterAutoClipsWithTheirOwnTwitchAccount() {
        fixture.given(subscribed(ADA, 1), subscribed(SAM, 2))
               .when(new ChooseAutoClip(CHANNEL, SAM, SAM_TWITCH, true))
               .expectEvents(new AutoClipChosen(CHANNEL, SAM, SAM_TWITCH, true));
    }

    @Test
    void choosingTheSameAgainChangesNothing() {
        fixture.given(subscribed(SAM, 1), new AutoClipChosen(CHANNEL, SAM, SAM_TWITCH, true))
               .when(new ChooseAutoClip(CHANNEL, SAM, SAM_TWITCH, true))
               .expectSuccessfulHandlerExecution()
               .expectNoEvents();
        fixture.given(subscribed(SAM, 1))
               .when(new ChooseAutoClip(CHANNEL, SAM, SAM_TWITCH, false))
               .expectSuccessfulHandlerExecution()
               .expectNoEvents();
    }

    @Test
    void onlySubscribersAutoClip() {
        fixture.given(subscribed(ADA, 1))
               .when(new ChooseAutoClip(CHANNEL, SAM, SAM_TWITCH, true))
               .expectException(RuleViolation.class)
               .expectExceptionMessage("Subscribe pixelpanda before choosing to auto-clip it");
    }

    @Test
    void aBroadcasterWhoOptedOutKeepsAutoClippingToThemselves() {
        fixture.given(subscribed(ADA, 1), subscribed(SAM, 2),
                       new HighlightsConfigured(CHANNEL, ADA, null, false, false, false))
               .when(new ChooseAutoClip(CHANNEL, SAM, SAM_TWITCH, true))
               .expectException(RuleViolation.class)
               .expectExceptionMessage("The broadcaster of pixelpanda does not allow others to auto-clip the channel "
                       + "on this deployment");
        fixture.given(subscribed(ADA, 1), new HighlightsConfigured(CHANNEL, ADA, null, false, false, false))
               .when(new ChooseAutoClip(CHANNEL, ADA, ADA_TWITCH, true))
               .expectEvents(new AutoClipChosen(CHANNEL, ADA, ADA_TWITCH, true));
    }

    @Test
    void unsubscribingStopsTheSubscribersAutoClipping() {
        fixture.given(subscribed(ADA, 1), subscribed(SAM, 2), new AutoClipChosen(CHANNEL, SAM, SAM_TWITCH, true))
               .when(new UnsubscribeChannel(CHANNEL, SAM))
               .expectEvents(new ChannelUnsubscribed(CHANNEL, "pixelpanda", SAM, 1),
                       new AutoClipChosen(CHANNEL, SAM, SAM_TWITCH, false));
    }

    @Test
    void aRevisionOneConfigurationWithAutoClipMadeTheBroadcasterAnAutoClipper() {
        fixture.given(subscribed(ADA, 1), subscribed(SAM, 2),
                       new HighlightsConfigured(CHANNEL, ADA, true, RULE, null, null, null))
               .when(new UnsubscribeChannel(CHANNEL, ADA))
               .expectEvents(new ChannelUnsubscribed(CHANNEL, "pixelpanda", ADA, 1),
                       new AutoClipChosen(CHANNEL, ADA, ADA_TWITCH, false));
    }

    @Test
    void twitchRefusingClipsPausesAutoClippingOnceUntilASubscriberResumesIt() {
        fixture.given(subscribed(SAM, 1))
               .when(new PauseAutoClipping(CHANNEL, "clips are off"))
               .expectEvents(new AutoClippingPaused(CHANNEL, "clips are off"));
        fixture.given(subscribed(SAM, 1), new AutoClippingPaused(CHANNEL, "clips are off"))
               .when(new PauseAutoClipping(CHANNEL, "clips are still off"))
               .expectNoEvents();
        fixture.given(subscribed(SAM, 1), new AutoClippingPaused(CHANNEL, "clips are off"))
               .when(new ResumeAutoClipping(CHANNEL, SAM))
               .expectEvents(new AutoClippingResumed(CHANNEL, SAM));
        fixture.given(subscribed(SAM, 1))
               .when(new ResumeAutoClipping(CHANNEL, SAM))
               .expectSuccessfulHandlerExecution()
               .expectNoEvents();
    }
}
