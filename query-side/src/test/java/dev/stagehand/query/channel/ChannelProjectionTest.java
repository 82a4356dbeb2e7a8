package dev.stagehand.query.channel;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stagehand.api.account.AccountId;
import dev.stagehand.api.channel.ChannelId;
import dev.stagehand.api.channel.ChannelJoinFailed;
import dev.stagehand.api.channel.ChannelJoined;
import dev.stagehand.api.channel.ChannelLeft;
import dev.stagehand.api.channel.ChannelSubscribed;
import dev.stagehand.api.channel.ChannelUnsubscribed;
import dev.stagehand.api.channel.ChannelView;
import dev.stagehand.api.channel.ChannelView.Connection;
import dev.stagehand.api.channel.FindChannel;
import dev.stagehand.api.channel.FindChannelsOf;
import dev.stagehand.query.ProjectionTest;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ChannelProjectionTest extends ProjectionTest {

    private static final ChannelId CHANNEL = new ChannelId("100000001");
    private static final AccountId ADA = new AccountId("ada");
    private static final AccountId SAM = new AccountId("sam");
    private static final Instant AT = Instant.parse("2026-12-04T20:00:00Z");

    private final ChannelProjection projection = new ChannelProjection(JDBC, WRITES);

    @BeforeEach
    void clear() {
        projection.clear();
    }

    private List<ChannelView> channelsOf(AccountId account) {
        return projection.handle(new FindChannelsOf(account));
    }

    private void subscribe(AccountId account, int subscribers, Instant at) {
        projection.on(new ChannelSubscribed(CHANNEL, "streamer", "Streamer", account, subscribers), at);
    }

    @Test
    void aSubscribedChannelIsJoiningUntilItsChatIsJoined() {
        subscribe(ADA, 1, AT);
        assertThat(channelsOf(ADA)).containsExactly(new ChannelView(CHANNEL, "streamer", "Streamer",
                Connection.JOINING, null, 1, AT, AT));

        projection.on(new ChannelJoined(CHANNEL), AT.plusSeconds(5));
        assertThat(channelsOf(ADA)).singleElement().satisfies(channel -> {
            assertThat(channel.connection()).isEqualTo(Connection.JOINED);
            assertThat(channel.updatedAt()).isEqualTo(AT.plusSeconds(5));
            assertThat(channel.subscribedAt()).isEqualTo(AT);
        });
    }

    @Test
    void aChannelSomeoneSubscribesIsFoundByIdOrLoginWhoeverAsks() {
        subscribe(ADA, 1, AT);
        ChannelView found = new ChannelView(CHANNEL, "streamer", "Streamer", Connection.JOINING, null, 1, null, AT);
        assertThat(projection.handle(new FindChannel(CHANNEL.value()))).contains(found);
        assertThat(projection.handle(new FindChannel("STREAMER"))).contains(found);
        assertThat(projection.handle(new FindChannel("nobody"))).isEmpty();
    }

    @Test
    void aFailedJoinTellsWhyUntilAJoinSucceeds() {
        subscribe(ADA, 1, AT);
        projection.on(new ChannelJoinFailed(CHANNEL, "the channel is suspended"), AT.plusSeconds(5));
        assertThat(channelsOf(ADA)).singleElement().satisfies(channel -> {
            assertThat(channel.connection()).isEqualTo(Connection.FAILED);
            assertThat(channel.reason()).isEqualTo("the channel is suspended");
        });

        projection.on(new ChannelJoined(CHANNEL), AT.plusSeconds(60));
        assertThat(channelsOf(ADA)).singleElement().satisfies(channel -> {
            assertThat(channel.connection()).isEqualTo(Connection.JOINED);
            assertThat(channel.reason()).isNull();
        });
    }

    @Test
    void aSecondSubscriberIsCountedAndSeesTheirOwnSubscriptionTime() {
        subscribe(ADA, 1, AT);
        projection.on(new ChannelJoined(CHANNEL), AT.plusSeconds(5));
        subscribe(SAM, 2, AT.plusSeconds(30));
        assertThat(channelsOf(ADA)).singleElement().satisfies(channel -> {
            assertThat(channel.subscribers()).isEqualTo(2);
            assertThat(channel.subscribedAt()).isEqualTo(AT);
        });
        assertThat(channelsOf(SAM)).singleElement().satisfies(channel -> {
            assertThat(channel.subscribedAt()).isEqualTo(AT.plusSeconds(30));
            assertThat(channel.connection()).isEqualTo(Connection.JOINED);
            assertThat(channel.updatedAt()).isEqualTo(AT.plusSeconds(5));
        });
    }

    @Test
    void anUnsubscribedAccountNoLongerSeesTheChannelWhileOthersSeeTheNewCount() {
        subscribe(ADA, 1, AT);
        subscribe(SAM, 2, AT);
        projection.on(new ChannelUnsubscribed(CHANNEL, "streamer", SAM, 1), AT.plusSeconds(10));
        assertThat(channelsOf(SAM)).isEmpty();
        assertThat(channelsOf(ADA)).singleElement()
                .satisfies(channel -> assertThat(channel.subscribers()).isEqualTo(1));
    }

    @Test
    void aChannelLeftIsJoinedAgainWhenSubscribedAgain() {
        subscribe(ADA, 1, AT);
        projection.on(new ChannelJoined(CHANNEL), AT.plusSeconds(5));
        projection.on(new ChannelUnsubscribed(CHANNEL, "streamer", ADA, 0), AT.plusSeconds(10));
        projection.on(new ChannelLeft(CHANNEL), AT.plusSeconds(11));
        subscribe(SAM, 1, AT.plusSeconds(20));
        assertThat(channelsOf(SAM)).containsExactly(new ChannelView(CHANNEL, "streamer", "Streamer",
                Connection.JOINING, null, 1, AT.plusSeconds(20), AT.plusSeconds(20)));
    }

    @Test
    void aSubscriptionCarriesTheChannelsCurrentLogin() {
        subscribe(ADA, 1, AT);
        projection.on(new ChannelSubscribed(CHANNEL, "renamed", "Renamed", SAM, 2), AT.plusSeconds(10));
        assertThat(channelsOf(ADA)).singleElement().satisfies(channel -> {
            assertThat(channel.login()).isEqualTo("renamed");
            assertThat(channel.displayName()).isEqualTo("Renamed");
        });
    }

    @Test
    void anAccountsChannelsAreListedByLogin() {
        projection.on(new ChannelSubscribed(new ChannelId("100000003"), "zed", "Zed", ADA, 1), AT);
        projection.on(new ChannelSubscribed(new ChannelId("100000002"), "mia", "Mia", SAM, 1), AT);
        projection.on(new ChannelSubscribed(new ChannelId("100000004"), "amy", "Amy", ADA, 1), AT);
        assertThat(channelsOf(ADA)).extracting(ChannelView::login).containsExactly("amy", "zed");
    }

    @Test
    void aSubscriptionAppliedTwiceIsCountedOnceAndLeavesTheConnectionAsItIs() {
        subscribe(ADA, 1, AT);
        projection.on(new ChannelJoined(CHANNEL), AT.plusSeconds(5));
        subscribe(ADA, 1, AT);
        assertThat(channelsOf(ADA)).containsExactly(new ChannelView(CHANNEL, "streamer", "Streamer",
                Connection.JOINED, null, 1, AT, AT.plusSeconds(5)));
    }
}
