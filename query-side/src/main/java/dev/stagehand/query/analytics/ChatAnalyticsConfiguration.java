package dev.stagehand.query.analytics;

import dev.stagehand.query.history.ChatHistoryOptOuts;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.KStream;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.databind.json.JsonMapper;

/** Chat analytics in the chat stream application. */
@Configuration(proxyBeanMethods = false)
class ChatAnalyticsConfiguration {

    @Bean
    KStream<String, String> chatStats(StreamsBuilder builder, KStream<String, String> chatMessages, JsonMapper json,
                                      ChatHistoryOptOuts optOuts) {
        return ChatStatsTopology.addTo(builder, chatMessages, json, optOuts::chatters);
    }
}
