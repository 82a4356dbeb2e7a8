package dev.stagehand.sagas.notification;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stagehand.api.notification.NotificationOptions;
import dev.stagehand.api.notification.NotificationReason;
import dev.stagehand.api.stream.StreamInfo;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The embed of a go-live announcement shows the viewers once Twitch counts them, and no made-up 0 before. */
class GoLiveMessagesTest {

    @Test
    void aStreamWithViewersShowsThem() {
        assertThat(fieldNames(stream(42))).containsExactly("Game", "Viewers");
    }

    @Test
    void aStreamJustAnnouncedByEventSubShowsNoViewerCount() {
        assertThat(fieldNames(stream(0))).containsExactly("Game");
    }

    private static StreamInfo stream(int viewers) {
        return new StreamInfo("s1", "ada", "Ada", "509658", "Just Chatting", "Hello", "en", viewers, null,
                Instant.parse("2026-12-05T01:00:00Z"));
    }

    @SuppressWarnings("unchecked")
    private static List<String> fieldNames(StreamInfo stream) {
        Map<String, Object> message = GoLiveMessages.render(stream, NotificationOptions.defaults(),
                NotificationReason.WENT_LIVE);
        Map<String, Object> embed = ((List<Map<String, Object>>) message.get("embeds")).get(0);
        return ((List<Map<String, Object>>) embed.get("fields")).stream().map(field -> (String) field.get("name"))
                .toList();
    }
}
