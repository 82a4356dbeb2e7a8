package dev.stagehand.sagas.channel;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stagehand.api.account.AccountId;
import dev.stagehand.api.channel.ChannelId;
import dev.stagehand.api.channel.ChannelJoinFailed;
import dev.stagehand.api.channel.ChannelJoined;
import dev.stagehand.api.channel.ChannelSubscribed;
import dev.stagehand.api.channel.ChannelUnsubscribed;
import dev.stagehand.api.channel.RecordChannelLeft;
import java.util.ArrayList;
import java.util.List;
import org.axonframework.test.saga.SagaTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ChannelChatSagaTest {

    private static final ChannelId CHANNEL = new ChannelId("1000");
    private static final AccountId ADA = new AccountId("ada");
    private static final AccountId SAM = new AccountId("sam");

    /** The chat as the saga sees it: remembers what it was asked to do. */
    static class RecordingChat implements ChatConnection {
        final List<String> calls = new ArrayList<>();

        @Override
        public void join(ChannelId channel, String login) {
            calls.add("join " + login);
        }

        @Override
        public void leave(ChannelId channel, String login) {
            calls.add("leave " + login);
        }
    }

    private SagaTestFixture<ChannelChatSaga> fixture;
    private RecordingChat chat;

    @BeforeEach
    void setUp() {
        fixture = new SagaTestFixture<>(ChannelChatSaga.class);
        chat = new RecordingChat();
        fixture.registerResource(chat);
    }

    private static ChannelSubscribed subscribed(AccountId who, int subscribers) {
        return new ChannelSubscribed(CHANNEL, "pixelpanda", "PixelPanda", who, subscribers);
    }

    @Test
    void theFirstSubscriberMakesStagehandJoin() {
        fixture.givenNoPriorActivity()
               .whenPublishingA(subscribed(ADA, 1))
               .expectActiveSagas(1);
        assertThat(chat.calls).containsExactly("join pixelpanda");
    }

    @Test
    void aSecondSubscriberJoinsNothingMore() {
        fixture.givenAPublished(subscribed(ADA, 1))
               .whenPublishingA(subscribed(SAM, 2))
               .expectNoScheduledDeadlines();
        assertThat(chat.calls).containsExactly("join pixelpanda");
    }

    @Test
    void theLastUnsubscriptionLeavesAndEnds() {
        fixture.givenAPublished(subscribed(ADA, 1))
               .andThenAPublished(subscribed(SAM, 2))
               .andThenAPublished(new ChannelUnsubscribed(CHANNEL, "pixelpanda", SAM, 1))
               .whenPublishingA(new ChannelUnsubscribed(CHANNEL, "pixelpanda", ADA, 0))
               .expectActiveSagas(0)
               .expectDispatchedCommands(new RecordChannelLeft(CHANNEL));
        assertThat(chat.calls).containsExactly("join pixelpanda", "leave pixelpanda");
    }

    @Test
    void aFailedJoinIsTriedAgainFiveMinutesLater() {
        fixture.givenAPublished(subscribed(ADA, 1))
               .whenPublishingA(new ChannelJoinFailed(CHANNEL, "Twitch did not confirm the join"))
               .expectScheduledDeadlineWithName(ChannelChatSaga.REJOIN_AFTER, ChannelChatSaga.REJOIN);
        fixture.whenTimeElapses(ChannelChatSaga.REJOIN_AFTER);
        assertThat(chat.calls).containsExactly("join pixelpanda", "join pixelpanda");
    }

    @Test
    void aBanIsNotRetried() {
        fixture.givenAPublished(subscribed(ADA, 1))
               .whenPublishingA(new ChannelJoinFailed(CHANNEL, ChannelChatSaga.BANNED))
               .expectNoScheduledDeadlines();
    }

    @Test
    void aJoinThatSucceedsMeanwhileCancelsTheRetry() {
        fixture.givenAPublished(subscribed(ADA, 1))
               .andThenAPublished(new ChannelJoinFailed(CHANNEL, "Twitch did not confirm the join"))
               .whenPublishingA(new ChannelJoined(CHANNEL))
               .expectNoScheduledDeadlines();
    }

    @Test
    void leavingCancelsAPendingRetry() {
        fixture.givenAPublished(subscribed(ADA, 1))
               .andThenAPublished(new ChannelJoinFailed(CHANNEL, "Twitch has suspended this channel"))
               .whenPublishingA(new ChannelUnsubscribed(CHANNEL, "pixelpanda", ADA, 0))
               .expectNoScheduledDeadlines()
               .expectActiveSagas(0);
    }
}
