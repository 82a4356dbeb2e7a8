package dev.stagehand.query.highlight;

import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.KStream;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.databind.json.JsonMapper;

/** Spike detection in the chat stream application. */
@Configuration(proxyBeanMethods = false)
class SpikeDetectionConfiguration {

    @Bean
    KStream<String, String> chatSpikes(StreamsBuilder builder, KStream<String, String> chatMessages,
                                       HighlightSettingsView settings, JsonMapper json) {
        return SpikeTopology.addTo(builder, chatMessages, settings::spikeRules, json);
    }
}
