package dev.stagehand.sagas.notification;

import dev.stagehand.api.common.Placeholders;
import dev.stagehand.api.notification.NotificationOptions;
import dev.stagehand.api.notification.NotificationReason;
import dev.stagehand.api.stream.StreamInfo;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The Discord message announcing a stream: mentions of the subscription's roles and its own text, then an embed with
 * the title, a link, the game, the viewers and the thumbnail. Only those roles can be pinged: never {@code @everyone},
 * whatever a template or a stream title says.
 */
public final class GoLiveMessages {

    static final int TWITCH_PURPLE = 0x9146FF;
    static final int ENDED_GREY = 0x747F8D;

    private GoLiveMessages() {
    }

    /** A sample announcement, for a test message: a made-up stream, marked as a test. */
    public static Map<String, Object> sample(String webhookName) {
        StreamInfo sample = new StreamInfo("test", "stagehand", "Stagehand", "509658", "Just Chatting",
                "Test message from Stagehand for \"" + webhookName + "\": this is how go-live announcements look", "en",
                42, null, Instant.now());
        return render(sample, NotificationOptions.defaults(), NotificationReason.WENT_LIVE);
    }

    static Map<String, Object> render(StreamInfo stream, NotificationOptions options, NotificationReason reason) {
        String url = "https://www.twitch.tv/" + stream.login();
        String thumbnail = stream.thumbnailUrl() == null ? null
                : stream.thumbnailUrl().replace("{width}", "1280").replace("{height}", "720");
        Map<String, Object> message = new LinkedHashMap<>();
        String text = Placeholders.fill(options.template(), Map.of(
                "streamer", stream.displayName(), "login", stream.login(), "title", text(stream.title()),
                "game", text(stream.gameName()), "url", url, "viewers", Integer.toString(stream.viewerCount()),
                "thumbnail", thumbnail == null ? "" : thumbnail));
        String mentions = options.roleMentions().stream().map(role -> "<@&" + role + ">")
                .filter(mention -> !text.contains(mention)).collect(Collectors.joining(" "));
        String content = (mentions + " " + text).strip();
        if (!content.isEmpty()) {
            message.put("content", truncate(content, NotificationOptions.MAX_TEMPLATE));
        }
        Map<String, Object> embed = new LinkedHashMap<>();
        embed.put("author", Map.of("name", truncate(stream.displayName() + (reason == NotificationReason.GAME_CHANGED
                ? " switched to " + text(stream.gameName()) : " is live on Twitch"), 256)));
        embed.put("title", truncate(text(stream.title()).isBlank() ? url : stream.title(), 256));
        embed.put("url", url);
        embed.put("color", TWITCH_PURPLE);
        // A stream EventSub just announced has no viewer count yet: no field rather than a misleading 0.
        embed.put("fields", stream.viewerCount() == 0 ? List.of(gameField(stream)) : List.of(gameField(stream),
                Map.of("name", "Viewers", "value", Integer.toString(stream.viewerCount()), "inline", true)));
        if (thumbnail != null) {
            embed.put("image", Map.of("url", thumbnail));
        }
        if (stream.startedAt() != null) {
            embed.put("timestamp", stream.startedAt().toString());
        }
        message.put("embeds", List.of(embed));
        message.put("allowed_mentions", Map.of("parse", List.of(), "roles", options.roleMentions()));
        return message;
    }

    /** The announcement once the stream ended: the same embed, greyed, saying how long the stream lasted. */
    static Map<String, Object> ended(StreamInfo stream, Instant endedAt) {
        Map<String, Object> embed = new LinkedHashMap<>();
        embed.put("author", Map.of("name", truncate(stream.displayName() + " was live on Twitch", 256)));
        embed.put("title", truncate(text(stream.title()).isBlank() ? "https://www.twitch.tv/" + stream.login()
                : stream.title(), 256));
        embed.put("url", "https://www.twitch.tv/" + stream.login());
        embed.put("color", ENDED_GREY);
        embed.put("fields", List.of(
                gameField(stream),
                Map.of("name", "Streamed for", "value", lasted(stream.startedAt(), endedAt), "inline", true)));
        return Map.of("embeds", List.of(embed), "allowed_mentions", Map.of("parse", List.of()));
    }

    /** {@code 2 h 05 min}, or {@code 12 min} for a short stream. */
    static String lasted(Instant startedAt, Instant endedAt) {
        if (startedAt == null) {
            return "—";
        }
        Duration lasted = Duration.between(startedAt, endedAt);
        return lasted.toHours() > 0 ? String.format("%d h %02d min", lasted.toHours(), lasted.toMinutesPart())
                : Math.max(1, lasted.toMinutes()) + " min";
    }

    private static Map<String, Object> gameField(StreamInfo stream) {
        return Map.of("name", "Game", "value", truncate(text(stream.gameName()).isBlank() ? "—" : stream.gameName(),
                1024), "inline", true);
    }

    private static String text(String value) {
        return value == null ? "" : value;
    }

    private static String truncate(String value, int max) {
        return value.codePointCount(0, value.length()) <= max ? value
                : value.substring(0, value.offsetByCodePoints(0, max - 1)) + "…";
    }
}
