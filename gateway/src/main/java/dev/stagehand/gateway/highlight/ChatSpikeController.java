package dev.stagehand.gateway.highlight;

import dev.stagehand.api.highlight.ChatSpike;
import dev.stagehand.api.highlight.FindChatSpikes;
import dev.stagehand.gateway.channel.SubscribedChannels;
import dev.stagehand.gateway.security.CurrentAccount;
import dev.stagehand.platform.axon.Queries;
import dev.stagehand.platform.web.QueryParameters;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** The chat spikes of a subscribed channel in a time range (the last day by default, at most 31 days). */
@RestController
class ChatSpikeController {

    private final Queries queries;
    private final SubscribedChannels channels;

    ChatSpikeController(Queries queries, SubscribedChannels channels) {
        this.queries = queries;
        this.channels = channels;
    }

    @GetMapping("/api/channels/{channelId}/spikes")
    Mono<List<ChatSpike>> spikes(CurrentAccount me, @PathVariable String channelId,
                                 @RequestParam(required = false) String from,
                                 @RequestParam(required = false) String to) {
        Instant end = Objects.requireNonNullElseGet(QueryParameters.time("to", to), Instant::now);
        Instant start = Objects.requireNonNullElse(QueryParameters.time("from", from), end.minus(Duration.ofDays(1)));
        QueryParameters.boundedRange(start, end);
        return channels.one(me, channelId)
                .then(queries.list(new FindChatSpikes(channelId, start, end), ChatSpike.class));
    }
}
