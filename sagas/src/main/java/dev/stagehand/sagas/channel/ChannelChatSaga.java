package dev.stagehand.sagas.channel;

import dev.stagehand.api.channel.ChannelId;
import dev.stagehand.api.channel.ChannelJoinFailed;
import dev.stagehand.api.channel.ChannelJoined;
import dev.stagehand.api.channel.ChannelSubscribed;
import dev.stagehand.api.channel.ChannelUnsubscribed;
import dev.stagehand.api.channel.RecordChannelLeft;
import java.time.Duration;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.deadline.annotation.DeadlineHandler;
import org.axonframework.modelling.saga.SagaEventHandler;
import org.axonframework.modelling.saga.SagaLifecycle;
import org.axonframework.modelling.saga.StartSaga;
import org.axonframework.spring.stereotype.Saga;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Keeps Stagehand in a channel's chat while anyone subscribes it: joins on the first subscription, leaves on the last
 * unsubscription. A join that failed (Twitch never confirmed it, or the channel is suspended) is tried again later;
 * a ban of Stagehand's chat account is not, as trying again cannot help.
 */
@Saga
public class ChannelChatSaga {

    static final String REJOIN = "rejoin-channel";
    static final Duration REJOIN_AFTER = Duration.ofMinutes(5);
    static final String BANNED = "Stagehand's chat account is banned from this channel";
    private static final String CHANNEL = "channelId";

    @Autowired
    private transient ChatConnection chat;
    @Autowired
    private transient CommandGateway commands;
    @Autowired
    private transient DeadlineManager deadlines;

    private ChannelId channelId;
    private String login;
    private String rejoinDeadline;

    @StartSaga
    @SagaEventHandler(associationProperty = CHANNEL)
    void on(ChannelSubscribed event) {
        channelId = event.channelId();
        login = event.login();
        if (event.subscribers() == 1) {
            chat.join(channelId, login);
        }
    }

    @SagaEventHandler(associationProperty = CHANNEL)
    void on(ChannelJoined event) {
        cancelRejoin();
    }

    @SagaEventHandler(associationProperty = CHANNEL)
    void on(ChannelJoinFailed event) {
        cancelRejoin();
        if (!BANNED.equals(event.reason())) {
            rejoinDeadline = deadlines.schedule(REJOIN_AFTER, REJOIN);
        }
    }

    @SagaEventHandler(associationProperty = CHANNEL)
    void on(ChannelUnsubscribed event) {
        if (event.subscribers() == 0) {
            cancelRejoin();
            chat.leave(channelId, login);
            commands.send(new RecordChannelLeft(channelId));
            SagaLifecycle.end();
        }
    }

    @DeadlineHandler(deadlineName = REJOIN)
    void rejoin() {
        rejoinDeadline = null;
        chat.join(channelId, login);
    }

    private void cancelRejoin() {
        if (rejoinDeadline != null) {
            deadlines.cancelSchedule(REJOIN, rejoinDeadline);
            rejoinDeadline = null;
        }
    }
}
