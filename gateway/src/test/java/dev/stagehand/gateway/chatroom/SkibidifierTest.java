package dev.stagehand.gateway.chatroom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.stagehand.api.chatroom.ChatRoomView;
import dev.stagehand.api.chatroom.FindChatRooms;
import dev.stagehand.api.chatroom.PublishedRoomMessage;
import dev.stagehand.api.chatroom.SubmittedRoomMessage;
import dev.stagehand.api.kafka.Topics;
import dev.stagehand.gateway.IntegrationTest;
import dev.stagehand.platform.kafka.TopicReader;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.MessageListenerContainer;
import tools.jackson.databind.json.JsonMapper;

/**
 * Messages submitted to the preset rooms come out styled by the model on {@code stagehand.rooms.published}, with their
 * originals, also when the skibidifier was stopped while they arrived, and by the rules in time when the model is slow
 * or fails; what is no room message, or for no open room, is dropped.
 */
class SkibidifierTest extends IntegrationTest {

    @Autowired
    private QueryGateway queries;
    @Autowired
    private KafkaTemplate<String, String> kafka;
    @Autowired
    private ConsumerFactory<String, String> consumers;
    @Autowired
    private KafkaListenerEndpointRegistry listeners;
    @Autowired
    private JsonMapper json;

    @Test
    void everyMessageIsStyledInItsRoomsStyleEvenAcrossARestartOfTheSkibidifier() {
        await().atMost(Duration.ofSeconds(30)).until(() -> queries.query(new FindChatRooms(),
                ResponseTypes.multipleInstancesOf(ChatRoomView.class)).join().size() >= 3);
        String sender = "sender-" + UUID.randomUUID();
        submit("pirate-cove", sender, "hello my friend, you are late");
        kafka.send(Topics.ROOM_SUBMITTED.name(), "pirate-cove", "{no room message");
        submit("no-such-room", sender, "lost");

        PublishedRoomMessage first = published(sender, 1).get(0);
        assertThat(first.original()).isEqualTo("hello my friend, you are late");
        assertThat(first.styled()).isEqualTo("LLM: hello my friend, you are late");
        assertThat(first.style()).isEqualTo("Pirate");
        assertThat(first.stylist()).isEqualTo("llama3.2:1b");
        assertThat(first.fellBack()).isNull();
        assertThat(first.senderName()).isEqualTo("Sam");

        MessageListenerContainer skibidifier = listeners.getListenerContainer("skibidifier");
        skibidifier.stop();
        IntStream.range(0, 50).forEach(i -> submit("the-globe", sender, "are you there " + i));
        skibidifier.start();

        List<PublishedRoomMessage> all = published(sender, 51);
        assertThat(all).hasSize(51).extracting(PublishedRoomMessage::room).doesNotContain("no-such-room");
        // Fifty at once are more than the model's four requests at a time carry: the rules style the rest at once.
        assertThat(all.subList(1, 51)).allSatisfy(message -> {
            assertThat(message.style()).isEqualTo("Bard");
            if (message.fellBack() == null) {
                assertThat(message.styled()).startsWith("LLM: are you there");
            } else {
                assertThat(message.fellBack()).isEqualTo("the model is busy (4 requests under way)");
                assertThat(message.styled()).contains("art thou there");
            }
        });
        assertThat(all.subList(1, 51)).extracting(PublishedRoomMessage::original)
                .containsExactlyElementsOf(IntStream.range(0, 50).mapToObj(i -> "are you there " + i).toList());
    }

    @Test
    void whenTheModelIsSlowOrFailsTheRulesStyleTheMessageInTime() {
        String sender = "sender-" + UUID.randomUUID();
        MODEL.delay(Duration.ofSeconds(4));
        try {
            submit("pirate-cove", sender, "hello you");
            PublishedRoomMessage late = published(sender, 1).get(0);
            assertThat(late.styled()).contains("ahoy ye").doesNotStartWith("LLM:");
            assertThat(late.stylist()).isEqualTo("rules");
            assertThat(late.fellBack()).isEqualTo("the model took longer than 2000 ms");
        } finally {
            MODEL.delay(Duration.ZERO);
        }
        MODEL.failNext(1);
        submit("pirate-cove", sender, "are you there");
        PublishedRoomMessage failed = published(sender, 2).get(1);
        assertThat(failed.styled()).contains("be ye there");
        assertThat(failed.fellBack()).isEqualTo("the model answered 500");

        submit("pirate-cove", sender, "back again");
        assertThat(published(sender, 3).get(2).styled()).isEqualTo("LLM: back again");
    }

    private void submit(String room, String sender, String text) {
        kafka.send(Topics.ROOM_SUBMITTED.name(), room, json.writeValueAsString(new SubmittedRoomMessage(
                SubmittedRoomMessage.SCHEMA_VERSION, UUID.randomUUID().toString(), room, sender, "Sam", text,
                Instant.now())));
    }

    private List<PublishedRoomMessage> published(String sender, int count) {
        return TopicReader.read(consumers, Topics.ROOM_PUBLISHED.name(), record -> record.value().contains(sender),
                        count).stream()
                .map(ConsumerRecord::value)
                .map(value -> json.readValue(value, PublishedRoomMessage.class))
                .filter(message -> message.senderId().equals(sender))
                .toList();
    }
}
