package dev.stagehand.sagas.stream;

import com.github.twitch4j.helix.domain.ChannelInformation;
import com.github.twitch4j.helix.domain.Stream;
import com.github.twitch4j.helix.domain.StreamList;
import dev.stagehand.api.stream.StreamInfo;
import dev.stagehand.sagas.twitch.AppHelix;
import dev.stagehand.sagas.twitch.TwitchUnavailableException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * Live streams from Helix's {@code GET /streams}: by broadcaster id in batches of 100 (Helix's most), or by game,
 * page after page. Each call spends one point of the app's 800 a minute, which twitch4j keeps to.
 *
 * @throws dev.stagehand.sagas.twitch.TwitchUnavailableException from every method when Twitch fails or refuses
 */
@Component
class HelixStreams {

    static final int PAGE = 100;
    /** A safety stop for a game with more live streams than any has: 100 pages of 100. */
    private static final int MAX_PAGES = 100;

    private final AppHelix helix;

    HelixStreams(AppHelix helix) {
        this.helix = helix;
    }

    List<LiveStream> ofBroadcasters(Collection<String> broadcasterIds) {
        List<String> ids = List.copyOf(broadcasterIds);
        List<LiveStream> live = new ArrayList<>();
        for (int from = 0; from < ids.size(); from += PAGE) {
            List<String> batch = ids.subList(from, Math.min(ids.size(), from + PAGE));
            helix.call("GET /streams", (twitch, token) -> twitch.getStreams(token, null, null, PAGE, null, null, batch,
                            null))
                 .getStreams().forEach(stream -> live.add(info(stream)));
        }
        return live;
    }

    List<LiveStream> ofGame(String gameId) {
        List<LiveStream> live = new ArrayList<>();
        String cursor = null;
        for (int page = 0; page < MAX_PAGES; page++) {
            String after = cursor;
            StreamList streams = helix.call("GET /streams", (twitch, token) -> twitch.getStreams(token, after, null,
                    PAGE, List.of(gameId), null, null, null));
            streams.getStreams().forEach(stream -> live.add(info(stream)));
            cursor = streams.getPagination() == null ? null : streams.getPagination().getCursor();
            if (cursor == null || cursor.isEmpty() || streams.getStreams().isEmpty()) {
                break;
            }
        }
        return live;
    }

    /** The most watched live streams, most viewers first (one page, so at most 100), of these games and languages. */
    List<LiveStream> top(int first, List<String> gameIds, List<String> languages) {
        return helix.call("GET /streams", (twitch, token) -> twitch.getStreams(token, null, null,
                        Math.min(first, PAGE), gameIds.isEmpty() ? null : gameIds,
                        languages.isEmpty() ? null : languages, null, null))
                    .getStreams().stream().map(HelixStreams::info).toList();
    }

    /**
     * A stream EventSub just announced, described from the channel's settings ({@code GET /channels}): Helix's {@code
     * /streams} lists a new stream only a minute or more later. No viewers yet; Twitch's live thumbnail address.
     */
    LiveStream started(String broadcasterId, String streamId, Instant startedAt) {
        ChannelInformation channel = helix.call("GET /channels", (twitch, token) -> twitch.getChannelInformation(token,
                        List.of(broadcasterId))).getChannels().stream().findFirst()
                .orElseThrow(() -> new TwitchUnavailableException(
                        new IllegalStateException("Twitch has no channel " + broadcasterId)));
        return new LiveStream(broadcasterId, new StreamInfo(streamId, channel.getBroadcasterLogin(),
                channel.getBroadcasterName(), blankToNull(channel.getGameId()), blankToNull(channel.getGameName()),
                channel.getTitle(), channel.getBroadcasterLanguage(), 0,
                "https://static-cdn.jtvnw.net/previews-ttv/live_user_" + channel.getBroadcasterLogin()
                        + "-{width}x{height}.jpg", startedAt));
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }

    /** A live stream and whose it is. */
    record LiveStream(String broadcasterId, StreamInfo info) {
    }

    private static LiveStream info(Stream stream) {
        return new LiveStream(stream.getUserId(), new StreamInfo(stream.getId(), stream.getUserLogin(), stream.getUserName(), stream.getGameId(),
                stream.getGameName(), stream.getTitle(), stream.getLanguage(),
                stream.getViewerCount() == null ? 0 : stream.getViewerCount(), stream.getThumbnailUrlTemplate(),
                stream.getStartedAtInstant()));
    }
}
