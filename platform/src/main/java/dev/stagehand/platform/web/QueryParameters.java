package dev.stagehand.platform.web;

import dev.stagehand.api.common.RuleViolation;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

/**
 * The parameters the channel endpoints share, read and checked alike: the {@code from} and {@code to} of a time range,
 * and a {@code limit}.
 */
public final class QueryParameters {

    static final Duration LONGEST_RANGE = Duration.ofDays(31);

    private QueryParameters() {
    }

    /** The time {@code value} names, or null when it is blank; 400 when it is not an ISO-8601 time with an offset. */
    public static Instant time(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return OffsetDateTime.parse(value.strip()).toInstant();
        } catch (DateTimeParseException notATime) {
            throw new RuleViolation(name + " must be an ISO-8601 time with an offset, such as 2026-12-03T18:00:00Z,"
                                    + " not '" + value + "'");
        }
    }

    /** 400 unless {@code from} comes before {@code to} and the range is no longer than 31 days. */
    public static void boundedRange(Instant from, Instant to) {
        ordered("from", from, "to", to);
        if (Duration.between(from, to).compareTo(LONGEST_RANGE) > 0) {
            throw new RuleViolation("a time range covers at most " + LONGEST_RANGE.toDays() + " days");
        }
    }

    /** 400 unless {@code from} comes before {@code to} (either may be open), naming them as the request does. */
    public static void ordered(String fromName, Instant from, String toName, Instant to) {
        if (from != null && to != null && !from.isBefore(to)) {
            throw new RuleViolation(fromName + " must be before " + toName);
        }
    }

    /** The whole number {@code value} names; 400 unless it is one from 1 to {@code max}. */
    public static int limit(String value, int max) {
        try {
            int limit = Integer.parseInt(value.strip());
            if (limit >= 1 && limit <= max) {
                return limit;
            }
        } catch (NumberFormatException notANumber) {
            // answered below
        }
        throw new RuleViolation("limit must be a whole number from 1 to " + max + ", not '" + value + "'");
    }
}
