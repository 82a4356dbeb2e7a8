package dev.stagehand.live.chatroom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.stagehand.api.chatroom.RoomId;
import dev.stagehand.gateway.IntegrationTest;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.ParameterizedTypeReference;

/** The demo's simulated room chatters (silenced in the test context's rounds) speak through the rooms' own path. */
class DemoRoomChattersTest extends IntegrationTest {

    private static final String ROOM = "demo-chatters-room";

    @Autowired
    private DemoRoomChatters chatters;

    @Test
    void aSimulatedChatterSpeaksInTheRoomStyledByIt() {
        operator().post().uri("/api/rooms").bodyValue(Map.of("slug", ROOM, "title", "Demo Chatters", "style",
                Map.of("name", "Plain", "prompt", "Say it plainly.", "rules", Map.of("replacements", Map.of(),
                        "openers", List.of(), "closers", List.of(), "emojis", List.of())))).exchange()
                .expectStatus().isCreated();
        chatters.speak(new RoomId(ROOM));
        await().atMost(Duration.ofSeconds(30)).until(() -> !history().isEmpty());
        assertThat(history()).singleElement().satisfies(message -> {
            assertThat(message.sender()).matches("[A-Za-z0-9_-]{16}");
            assertThat(message.senderName()).isNotBlank();
            assertThat(message.original()).isNotBlank();
            assertThat(message.styled()).isNotBlank();
        });
    }

    private List<ShownRoomMessage> history() {
        return anonymous().get().uri("/api/rooms/{room}/messages", ROOM).exchange().expectStatus().isOk()
                .expectBody(new ParameterizedTypeReference<List<ShownRoomMessage>>() { }).returnResult()
                .getResponseBody();
    }
}
