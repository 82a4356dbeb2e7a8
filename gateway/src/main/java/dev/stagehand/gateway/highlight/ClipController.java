package dev.stagehand.gateway.highlight;

import dev.stagehand.api.common.RuleViolation;
import dev.stagehand.api.highlight.ChatSpike;
import dev.stagehand.api.highlight.ClipView;
import dev.stagehand.api.highlight.FindPublicClips;
import dev.stagehand.api.highlight.PublicClips;
import dev.stagehand.api.highlight.PublicClips.PublicClip;
import dev.stagehand.api.highlight.TwitchClip;
import dev.stagehand.platform.axon.Queries;
import dev.stagehand.platform.web.QueryParameters;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/**
 * The original clips API, public: {@code GET /v1.0/clip?min_intensity=&limit=&offset=}, the public highlight feed
 * (clips of channels whose broadcaster made them public), newest detection first, with our {@code start}/{@code end}
 * as optional filters on the detection time. A logged-in user's own channels have theirs at
 * {@code /api/channels/{id}/clips}.
 */
@RestController
class ClipController {

    static final double DEFAULT_MIN_INTENSITY = 9.0;
    static final int DEFAULT_LIMIT = 24;
    static final int MAX_LIMIT = 100;

    private final Queries queries;

    ClipController(Queries queries) {
        this.queries = queries;
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record ClipPage(List<ClipResponse> clips, int count, long totalCount, boolean hasMore, Query query) {
    }

    /** The query as it was applied: defaults filled in, limit and offset clamped. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record Query(double minIntensity, int limit, int offset) {
    }

    /**
     * A clip and the spike that made it.
     *
     * @param id         Stagehand's id of the clip (one per spike)
     * @param clipId     Twitch's
     * @param detectedAt when the spike's window ended
     * @param intensity  how far the spike stood out, in the baseline's spread per second
     */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record ClipResponse(String id, String clipId, String broadcasterId, String streamerLogin, String embedUrl,
                        String thumbnailUrl, Instant detectedAt, Instant createdAt, Double intensity, String url,
                        String title, double duration, Spike spike) {

        static ClipResponse of(PublicClip found) {
            ClipView view = found.clip();
            TwitchClip clip = view.clip();
            ChatSpike spike = view.spike();
            return new ClipResponse(view.clipId().value(), clip.id(), view.channelId(), found.streamerLogin(),
                    clip.embedUrl(), clip.thumbnailUrl(), spike.windowEnd(), clip.createdAt(), spike.intensity(),
                    clip.url(), clip.title(), clip.durationSeconds(), new Spike(spike.windowStart(),
                    spike.windowEnd(), spike.messages(), spike.baselineMean(), spike.baselineStdDev(),
                    spike.threshold()));
        }
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record Spike(Instant windowStart, Instant windowEnd, long messages, double baselineMean, double baselineStdDev,
                 double threshold) {
    }

    @GetMapping("/v1.0/clip")
    Mono<ClipPage> clips(@RequestParam(name = "min_intensity", required = false) String minIntensity,
                         @RequestParam(required = false) String limit, @RequestParam(required = false) String offset,
                         @RequestParam(required = false) String start, @RequestParam(required = false) String end) {
        Query query = new Query(minIntensity(minIntensity), clamped("limit", limit, DEFAULT_LIMIT, 1, MAX_LIMIT),
                clamped("offset", offset, 0, 0, Integer.MAX_VALUE));
        Instant from = QueryParameters.time("start", start);
        Instant to = QueryParameters.time("end", end);
        if (from != null && to != null) {
            QueryParameters.ordered("start", from, "end", to);
        }
        FindPublicClips find = new FindPublicClips(query.minIntensity(), from, to, query.limit(), query.offset());
        return queries.one(find, PublicClips.class)
                .map(page -> new ClipPage(page.clips().stream().map(ClipResponse::of).toList(), page.clips().size(),
                        page.total(), query.offset() + page.clips().size() < page.total(), query));
    }

    private static double minIntensity(String value) {
        if (value == null || value.isBlank()) {
            return DEFAULT_MIN_INTENSITY;
        }
        try {
            double parsed = Double.parseDouble(value.strip());
            if (Double.isFinite(parsed) && parsed >= 0) {
                return parsed;
            }
        } catch (NumberFormatException notANumber) {
            // answered below
        }
        throw new RuleViolation("min_intensity must be a number of at least 0, not '" + value + "'");
    }

    /** A whole number, brought into [min, max] when it lies outside; anything else is refused. */
    private static int clamped(String name, String value, int fallback, int min, int max) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            BigInteger parsed = new BigDecimal(value.strip()).toBigIntegerExact();
            return parsed.max(BigInteger.valueOf(min)).min(BigInteger.valueOf(max)).intValueExact();
        } catch (NumberFormatException | ArithmeticException notAWholeNumber) {
            throw new RuleViolation(name + " must be a whole number, not '" + value + "'");
        }
    }
}
