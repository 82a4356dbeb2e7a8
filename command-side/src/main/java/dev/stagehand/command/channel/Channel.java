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
import dev.stagehand.api.highlight.AutoClipChosen;
import dev.stagehand.api.highlight.AutoClippingPaused;
import dev.stagehand.api.highlight.AutoClippingResumed;
import dev.stagehand.api.highlight.ChooseAutoClip;
import dev.stagehand.api.highlight.ConfigureHighlights;
import dev.stagehand.api.highlight.HighlightsConfigured;
import dev.stagehand.api.highlight.PauseAutoClipping;
import dev.stagehand.api.highlight.ResumeAutoClipping;
import dev.stagehand.api.highlight.SpikeRule;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
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
 * broadcaster chooses how its chat spikes are found, whether others may auto-clip it and whether its clips are
 * public; each subscriber chooses whether its spikes become clips made with their own Twitch token.
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
    private SpikeRule rule;
    private boolean othersMayClip = true;
    private boolean publicClips;
    private boolean publicStats;
    /** The subscribers who auto-clip, with the Twitch account each clips with. */
    private final Map<AccountId, String> autoClippers = new LinkedHashMap<>();
    private boolean paused;

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
        String clipper = autoClippers.get(command.subscriber());
        if (clipper != null) {
            // a token must not keep clipping a channel its owner took off their dashboard
            apply(new AutoClipChosen(channelId, command.subscriber(), clipper, false));
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
        if (!Objects.equals(validated, rule) || command.othersMayClip() != othersMayClip
                || command.publicClips() != publicClips || command.publicStats() != publicStats) {
            apply(new HighlightsConfigured(channelId, command.broadcaster(), validated, command.othersMayClip(),
                    command.publicClips(), command.publicStats()));
        }
    }

    /** Any subscriber with a Twitch login may auto-clip, unless the broadcaster keeps that to themselves. */
    @CommandHandler
    void handle(ChooseAutoClip command) {
        if (!subscribers.contains(command.subscriber())) {
            throw new RuleViolation("Subscribe " + login + " before choosing to auto-clip it");
        }
        if (command.on() && !othersMayClip && !channelId.value().equals(command.twitchUserId())) {
            throw new RuleViolation("The broadcaster of " + login + " does not allow others to auto-clip the channel "
                    + "on this deployment");
        }
        if (command.on() ? !command.twitchUserId().equals(autoClippers.get(command.subscriber()))
                : autoClippers.containsKey(command.subscriber())) {
            apply(new AutoClipChosen(channelId, command.subscriber(), command.twitchUserId(), command.on()));
        }
    }

    @CommandHandler
    void handle(PauseAutoClipping command) {
        if (!paused) {
            apply(new AutoClippingPaused(channelId, command.reason()));
        }
    }

    @CommandHandler
    void handle(ResumeAutoClipping command) {
        if (!subscribers.contains(command.subscriber())) {
            throw new RuleViolation("Subscribe " + login + " before resuming its auto-clipping");
        }
        if (paused) {
            apply(new AutoClippingResumed(channelId, command.subscriber()));
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
        rule = event.rule();
        othersMayClip = event.othersMayClip();
        publicClips = event.publicClips();
        publicStats = event.publicStats();
        if (event.autoClip() != null) {
            on(new AutoClipChosen(channelId, event.broadcaster(), channelId.value(), event.autoClip()));
        }
    }

    @EventSourcingHandler
    void on(AutoClipChosen event) {
        if (event.on()) {
            autoClippers.put(event.subscriber(), event.twitchUserId());
        } else {
            autoClippers.remove(event.subscriber());
        }
    }

    @EventSourcingHandler
    void on(AutoClippingPaused event) {
        paused = true;
    }

    @EventSourcingHandler
    void on(AutoClippingResumed event) {
        paused = false;
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
