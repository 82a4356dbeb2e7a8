package dev.stagehand.command.highlight;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import dev.stagehand.api.common.RuleViolation;
import dev.stagehand.api.highlight.ConfigureTopStreamsWatch;
import dev.stagehand.api.highlight.StopTopStreamsWatch;
import dev.stagehand.api.highlight.TopStreams;
import dev.stagehand.api.highlight.TopStreamsWatchConfigured;
import dev.stagehand.api.highlight.TopStreamsWatchStopped;
import java.util.List;
import java.util.regex.Pattern;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * The deployment's watch over Twitch's top live streams: how many, of which categories and languages, clipped with
 * whose account. Operators start, change and stop it (the gateway checks who is one).
 */
@Aggregate
class TopStreamsWatch {

    private static final Pattern GAME_ID = Pattern.compile("[0-9]{1,20}");
    private static final Pattern LANGUAGE = Pattern.compile("[a-z]{2}|other");

    @AggregateIdentifier
    private String watchId;
    private TopStreamsWatchConfigured running;

    TopStreamsWatch() {
        // for Axon, which rebuilds the watch from its events or creates it when first configured
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    void handle(ConfigureTopStreamsWatch command) {
        if (command.streams() < 1 || command.streams() > TopStreams.MAX_STREAMS) {
            throw new RuleViolation("streams must be between 1 and " + TopStreams.MAX_STREAMS);
        }
        check("gameIds", command.gameIds(), GAME_ID, "Twitch category ids, such as 509658");
        check("languages", command.languages(), LANGUAGE, "two-letter language codes, such as en, or other");
        TopStreamsWatchConfigured configured = new TopStreamsWatchConfigured(command.watchId(), command.operator(),
                command.streams(), command.gameIds(), command.languages(), command.clipperTwitchId(),
                command.clipperLogin());
        if (running == null || !sameSettings(running, configured)) {
            apply(configured);
        }
    }

    @CommandHandler
    void handle(StopTopStreamsWatch command) {
        if (running != null) {
            apply(new TopStreamsWatchStopped(watchId, command.operator()));
        }
    }

    private static void check(String name, List<String> values, Pattern valid, String expected) {
        if (values.size() > TopStreams.MAX_FILTERS) {
            throw new RuleViolation(name + " holds at most " + TopStreams.MAX_FILTERS + " entries");
        }
        values.stream().filter(value -> !valid.matcher(value).matches()).findFirst().ifPresent(bad -> {
            throw new RuleViolation(name + " must be " + expected + ", not '" + bad + "'");
        });
    }

    private static boolean sameSettings(TopStreamsWatchConfigured a, TopStreamsWatchConfigured b) {
        return a.streams() == b.streams() && a.gameIds().equals(b.gameIds()) && a.languages().equals(b.languages())
                && a.clipperTwitchId().equals(b.clipperTwitchId());
    }

    @EventSourcingHandler
    void on(TopStreamsWatchConfigured event) {
        watchId = event.watchId();
        running = event;
    }

    @EventSourcingHandler
    void on(TopStreamsWatchStopped event) {
        running = null;
    }
}
