package dev.stagehand.sagas.channel;

import dev.stagehand.api.chat.ChatRecord;
import dev.stagehand.api.kafka.Topics;
import dev.stagehand.platform.tracing.Traces;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * The single writer of {@code stagehand.chat.messages}: JSON records keyed by channel id, sent asynchronously by the
 * idempotent, batching producer, so the chat client's thread only hands records over. Counts them per channel
 * ({@code stagehand.chat.messages.in}). Each chat line begins a trace, carried in its record's headers to every node
 * that shows it.
 */
@Component
class ChatRecordProducer {

    private static final Logger log = LoggerFactory.getLogger(ChatRecordProducer.class);

    private final KafkaTemplate<String, String> kafka;
    private final JsonMapper json;
    private final AtomicLong failures = new AtomicLong();
    private final MeterRegistry registry;
    private final Map<String, Counter> read = new ConcurrentHashMap<>();
    private final Traces traces;

    ChatRecordProducer(KafkaTemplate<String, String> kafka, JsonMapper json, MeterRegistry registry, Traces traces) {
        this.kafka = kafka;
        this.traces = traces;
        this.json = json;
        this.registry = registry;
    }

    void send(ChatRecord record) {
        read.computeIfAbsent(record.channelId(), channel -> Counter.builder("stagehand.chat.messages.in")
                .tag("channel", channel).description("Chat lines read from Twitch, per channel id")
                .register(registry)).increment();
        ProducerRecord<String, String> out = new ProducerRecord<>(Topics.CHAT_MESSAGES.name(), record.channelId(),
                json.writeValueAsString(record));
        Span span = traces.start("chat line");
        traces.fields(span.context()).forEach((name, value) ->
                out.headers().add(name, value.getBytes(StandardCharsets.US_ASCII)));
        // In scope only to log: making a span current updates the log's MDC, work tens of thousands of lines a
        // second need not do.
        if (log.isDebugEnabled()) {
            try (Tracer.SpanInScope scope = traces.inScope(span)) {
                log.debug("Chat line {} of channel {} to Kafka", record.id(), record.channelId());
            }
        }
        span.end();
        kafka.send(out)
             .whenComplete((sent, failure) -> {
                 if (failure != null && failures.incrementAndGet() % 1000 == 1) {
                     log.warn("Chat records could not be written to Kafka ({} so far): {}", failures.get(),
                             failure.toString());
                 }
             });
    }
}
