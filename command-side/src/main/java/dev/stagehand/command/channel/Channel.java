package dev.stagehand.command.channel;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

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
import java.util.HashSet;
import java.util.Objects;
import java.util.Set;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * A Twitch channel and the accounts that subscribe it. While anyone subscribes, Stagehand stays in its chat; the
 * chat connection reports joins, failures and leaves back here, so that every subscriber sees where it stands. Its
 * broadcaster chooses how its chat spikes are found and whether they become clips.
 */
@Aggregate
class Channel {

    private enum Connection { JOINING, JOINED, FAILED, LEFT }

    @AggregateIdentifier
    private ChannelId channelId;
    private String login;
    private final Set<AccountId> subscribers = new HashSet<>();
    private Connection connection = Connection.LEFT;
    private String failure;
    private AccountId highlightsBy;
    private boolean autoClip;
    private SpikeRule rule;

    Channel() {
        // for Axon, which rebuilds the channel from its events or creates it on the first subscription
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    void handle(SubscribeChannel command) {
        if (!subscribers.contains(command.subscriber())) {
            apply(new ChannelSubscribed(command.channelId(), command.login(), command.displayName(),
                    command.subscriber(), subscribers.size() + 1));
        }
    }

    @CommandHandler
    void handle(UnsubscribeChannel command) {
        if (!subscribers.contains(command.subscriber())) {
            throw new RuleViolation("You do not subscribe the channel " + login);
        }
        apply(new ChannelUnsubscribed(channelId, login, command.subscriber(), subscribers.size() - 1));
        if (autoClip && command.subscriber().equals(highlightsBy)) {
            // the broadcaster's token must not keep clipping a channel they took off their dashboard
            apply(new HighlightsConfigured(channelId, highlightsBy, false, rule));
        }
    }

    @CommandHandler
    void handle(RecordChannelJoined command) {
        if (!subscribers.isEmpty() && connection != Connection.JOINED) {
            apply(new ChannelJoined(channelId));
        }
    }

    @CommandHandler
    void handle(RecordChannelJoinFailed command) {
        if (!subscribers.isEmpty()
                && (connection != Connection.FAILED || !Objects.equals(failure, command.reason()))) {
            apply(new ChannelJoinFailed(channelId, command.reason()));
        }
    }

    @CommandHandler
    void handle(RecordChannelLeft command) {
        if (connection != Connection.LEFT) {
            apply(new ChannelLeft(channelId));
        }
    }

    /** Only its broadcaster configures a channel's highlights (the gateway checks who that is), while subscribed. */
    @CommandHandler
    void handle(ConfigureHighlights command) {
        if (!subscribers.contains(command.broadcaster())) {
            throw new RuleViolation("Subscribe your channel " + login + " before setting up its highlights");
        }
        SpikeRule validated = command.rule() == null ? null : command.rule().validated();
        if (command.autoClip() != autoClip || !Objects.equals(validated, rule)) {
            apply(new HighlightsConfigured(channelId, command.broadcaster(), command.autoClip(), validated));
        }
    }

    @EventSourcingHandler
    void on(ChannelSubscribed event) {
        channelId = event.channelId();
        login = event.login();
        subscribers.add(event.subscriber());
        if (connection == Connection.LEFT) {
            connection = Connection.JOINING;
        }
    }

    @EventSourcingHandler
    void on(ChannelUnsubscribed event) {
        subscribers.remove(event.subscriber());
    }

    @EventSourcingHandler
    void on(HighlightsConfigured event) {
        highlightsBy = event.broadcaster();
        autoClip = event.autoClip();
        rule = event.rule();
    }

    @EventSourcingHandler
    void on(ChannelJoined event) {
        connection = Connection.JOINED;
        failure = null;
    }

    @EventSourcingHandler
    void on(ChannelJoinFailed event) {
        connection = Connection.FAILED;
        failure = event.reason();
    }

    @EventSourcingHandler
    void on(ChannelLeft event) {
        connection = Connection.LEFT;
    }
}
