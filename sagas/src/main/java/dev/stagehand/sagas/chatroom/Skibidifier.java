package dev.stagehand.sagas.chatroom;

import dev.stagehand.api.chatroom.ChatRoomView;
import dev.stagehand.api.chatroom.PublishedRoomMessage;
import dev.stagehand.api.chatroom.RoomStyle;
import dev.stagehand.api.chatroom.SubmittedRoomMessage;
import dev.stagehand.api.kafka.Topics;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Between {@code stagehand.rooms.submitted} and {@code stagehand.rooms.published}: every message is rewritten in its
 * room's style (a poll's messages of one room go to the {@link Stylist} together, so a model gets them in batches)
 * and published with its original and what styled it. The nodes share the submitted topic's partitions (one consumer
 * group); a poll's offsets are committed once all of its messages are published, so a restart loses none (one
 * published twice is recognised by its id downstream). A poll takes up to 5,000 messages: it waits for Kafka's
 * acknowledgement of them all at once, and with Kafka's 500 that round trip capped a busy room's messages
 * (BENCHMARKS.md). A message for a room that is gone is dropped, logged. How long messages take from submission to
 * publication, by stylist and fallback, is {@code stagehand.rooms.styling}.
 */
@Component
class Skibidifier {

    private static final Logger log = LoggerFactory.getLogger(Skibidifier.class);

    private final RoomStyles rooms;
    private final Stylist stylist;
    private final KafkaTemplate<String, String> kafka;
    private final JsonMapper json;
    private final MeterRegistry registry;

    Skibidifier(RoomStyles rooms, Stylist stylist, KafkaTemplate<String, String> kafka, JsonMapper json,
                MeterRegistry registry) {
        this.rooms = rooms;
        this.stylist = stylist;
        this.kafka = kafka;
        this.json = json;
        this.registry = registry;
    }

    @KafkaListener(id = "skibidifier", groupId = "stagehand-skibidifier", topics = "stagehand.rooms.submitted",
            batch = "true", properties = {"auto.offset.reset=earliest", "max.poll.records=5000"})
    void restyle(List<ConsumerRecord<String, String>> batch) {
        Map<String, List<SubmittedRoomMessage>> byRoom = new LinkedHashMap<>();
        for (ConsumerRecord<String, String> consumed : batch) {
            try {
                SubmittedRoomMessage message = json.readValue(consumed.value(), SubmittedRoomMessage.class);
                byRoom.computeIfAbsent(message.room(), room -> new ArrayList<>()).add(message);
            } catch (JacksonException | IllegalArgumentException unreadable) {
                log.warn("Skipped a record of {} that is no room message, partition {} offset {}", consumed.topic(),
                        consumed.partition(), consumed.offset());
            }
        }
        List<CompletableFuture<?>> published = new ArrayList<>(batch.size());
        byRoom.forEach((slug, messages) -> {
            Optional<ChatRoomView> room = rooms.open(slug);
            if (room.isEmpty()) {
                log.info("Dropped {} messages: the room {} is closed or gone", messages.size(), slug);
                return;
            }
            RoomStyle style = room.get().style();
            List<Stylist.Styled> styled = stylist.restyle(style, messages.stream().map(SubmittedRoomMessage::text)
                    .toList());
            Instant now = Instant.now();
            for (int i = 0; i < messages.size(); i++) {
                SubmittedRoomMessage message = messages.get(i);
                Stylist.Styled out = styled.get(i);
                Timer.builder("stagehand.rooms.styling").tag("stylist", out.stylist())
                        .tag("fallback", String.valueOf(out.fellBack() != null))
                        .description("From a room message's submission to its styled publication")
                        .publishPercentileHistogram().register(registry)
                        .record(Duration.between(message.submittedAt(), now));
                published.add(kafka.send(Topics.ROOM_PUBLISHED.name(), slug, json.writeValueAsString(
                        new PublishedRoomMessage(PublishedRoomMessage.SCHEMA_VERSION, message.messageId(), slug,
                                message.senderId(), message.senderName(), message.text(), out.text(), style.name(),
                                out.stylist(), out.fellBack(), message.submittedAt(), now))));
            }
        });
        CompletableFuture.allOf(published.toArray(CompletableFuture[]::new)).join();
    }
}
