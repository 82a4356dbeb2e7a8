package dev.stagehand.sagas.stream;

import dev.stagehand.api.channel.ChannelId;
import dev.stagehand.api.channel.ChannelView;
import dev.stagehand.api.channel.FindChannelsOf;
import dev.stagehand.api.channel.SubscribeChannel;
import dev.stagehand.api.channel.UnsubscribeChannel;
import dev.stagehand.api.common.RuleViolation;
import dev.stagehand.api.highlight.ChooseAutoClip;
import dev.stagehand.api.highlight.FindTopStreamsWatch;
import dev.stagehand.api.highlight.TopStreams;
import dev.stagehand.api.highlight.TopStreamsWatchView;
import dev.stagehand.platform.RepeatingJob;
import dev.stagehand.platform.UnavailableException;
import dev.stagehand.sagas.stream.HelixStreams.LiveStream;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The top streams watch at work. Every interval (2 minutes), on the node that watches streams, it reads the most
 * watched live streams of the watch's categories and languages from Helix and follows those in the top N, as {@link
 * TopStreams#SUBSCRIBER}: following a channel joins its chat (paced by Twitch's join limit) and auto-clips it with the
 * operator's clipping account, unless its broadcaster keeps auto-clipping to themselves. A followed stream is left once
 * it is offline or below {@link TopStreams#keptDownTo}, so one at the edge of the top N is not joined and left with
 * every reading. With the watch stopped, every followed channel is left.
 */
@Component
class TopStreamsWatcher extends RepeatingJob {

    private static final Logger log = LoggerFactory.getLogger(TopStreamsWatcher.class);

    private final QueryGateway queries;
    private final CommandGateway commands;
    private final HelixStreams helix;
    private final TopStreamsProperties settings;
    private final StreamWatchingNode node;

    TopStreamsWatcher(QueryGateway queries, CommandGateway commands, HelixStreams helix,
                      TopStreamsProperties settings, StreamWatchingNode node) {
        super("top-streams-watcher", Duration.ofSeconds(1));
        this.queries = queries;
        this.commands = commands;
        this.helix = helix;
        this.settings = settings;
        this.node = node;
    }

    @Override
    protected Duration runOnce() {
        try {
            if (node.watches()) {
                watch();
            }
        } catch (UnavailableException unavailable) {
            log.warn("Reading Twitch's top streams failed, next try in {} s: {}", settings.interval().toSeconds(),
                    unavailable.getCause() == null ? unavailable.getMessage() : unavailable.getCause().toString());
        }
        return settings.interval();
    }

    void watch() {
        Optional<TopStreamsWatchView> watch = queries.query(new FindTopStreamsWatch(),
                ResponseTypes.optionalInstanceOf(TopStreamsWatchView.class)).join();
        List<ChannelView> followed = queries.query(new FindChannelsOf(TopStreams.SUBSCRIBER),
                ResponseTypes.multipleInstancesOf(ChannelView.class)).join();
        if (watch.isEmpty()) {
            followed.forEach(channel -> leave(channel.channelId()));
            return;
        }
        TopStreamsWatchView running = watch.get();
        List<LiveStream> ranking = helix.top(TopStreams.keptDownTo(running.streams()), running.gameIds(),
                running.languages());
        Set<String> kept = ranking.stream().map(LiveStream::broadcasterId).collect(Collectors.toSet());
        Set<String> following = followed.stream().map(channel -> channel.channelId().value())
                .collect(Collectors.toSet());
        followed.stream().map(ChannelView::channelId).filter(id -> !kept.contains(id.value())).forEach(this::leave);
        List<LiveStream> top = ranking.subList(0, Math.min(running.streams(), ranking.size()));
        top.stream().filter(stream -> !following.contains(stream.broadcasterId()))
           .forEach(stream -> commands.sendAndWait(new SubscribeChannel(new ChannelId(stream.broadcasterId()),
                   stream.info().login(), stream.info().displayName(), TopStreams.SUBSCRIBER)));
        // every run, so that a new clipping account applies to the streams already followed
        ranking.stream().filter(stream -> following.contains(stream.broadcasterId()) || top.contains(stream))
               .forEach(stream -> autoClip(new ChannelId(stream.broadcasterId()), running.clipperTwitchId()));
    }

    private void leave(ChannelId channelId) {
        commands.sendAndWait(new UnsubscribeChannel(channelId, TopStreams.SUBSCRIBER));
    }

    private void autoClip(ChannelId channelId, String clipperTwitchId) {
        try {
            commands.sendAndWait(new ChooseAutoClip(channelId, TopStreams.SUBSCRIBER, clipperTwitchId, true));
        } catch (RuleViolation keptToThemselves) {
            log.debug("Not auto-clipping {}: {}", channelId, keptToThemselves.getMessage());
        }
    }
}
