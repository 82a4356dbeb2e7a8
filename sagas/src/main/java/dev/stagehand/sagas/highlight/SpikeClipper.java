package dev.stagehand.sagas.highlight;

import dev.stagehand.api.highlight.ChatSpike;
import dev.stagehand.api.highlight.FindHighlightSettings;
import dev.stagehand.api.highlight.HighlightSettings;
import dev.stagehand.api.highlight.RequestClip;
import dev.stagehand.api.highlight.TopStreams;
import dev.stagehand.platform.kafka.JsonRecords;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Turns the chat spikes of channels that someone auto-clips into clip requests, one per spike however many auto-clip
 * it, made with the first auto-clipper's token (the broadcaster's, where they auto-clip) and the next ones' when
 * Twitch will not take it; a channel whose auto-clipping is paused asks for nothing. Clips the top streams watch
 * asks for are in the public highlight feed. A spike read again
 * (Kafka delivers at least once) asks for the same clip, which the clip sees through; a spike too old to clip (a new
 * consumer group starting at the topic's beginning, a node long down) asks for nothing.
 */
@Component
class SpikeClipper {

    private final QueryGateway queries;
    private final CommandGateway commands;
    private final ClipProperties settings;
    private final JsonMapper json;
    private final Clock clock = Clock.systemUTC();

    SpikeClipper(QueryGateway queries, CommandGateway commands, ClipProperties settings, JsonMapper json) {
        this.queries = queries;
        this.commands = commands;
        this.settings = settings;
        this.json = json;
    }

    @KafkaListener(id = "spike-clipper", groupId = "stagehand-spike-clipper", topics = "stagehand.highlights.spikes",
            batch = "true")
    void clip(List<ConsumerRecord<String, String>> batch) {
        for (ChatSpike spike : JsonRecords.readable(batch, json, ChatSpike.class)) {
            if (Duration.between(spike.windowEnd(), clock.instant()).compareTo(settings.latestAfter()) > 0) {
                continue;
            }
            HighlightSettings highlights = queries.query(new FindHighlightSettings(spike.channelId()),
                    HighlightSettings.class).join();
            List<String> clippers = highlights.clippers();
            if (!clippers.isEmpty()) {
                commands.sendAndWait(RequestClip.of(spike, clippers, highlights.othersMayClip()
                        && highlights.autoClips(TopStreams.SUBSCRIBER)));
            }
        }
    }
}
