package dev.stagehand.gateway.notification;

import dev.stagehand.api.common.RuleViolation;
import dev.stagehand.api.notification.DeliveryView;
import dev.stagehand.api.notification.FindDeliveries.Before;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Base64;

/** A place in a delivery log to page back from: an entry's creation time and id, opaque to clients. */
final class DeliveryCursor {

    private DeliveryCursor() {
    }

    static String of(DeliveryView view) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString((view.createdAt() + "|"
                + view.notificationId().value()).getBytes(StandardCharsets.UTF_8));
    }

    /** {@code null} for none; a 400 for what no entry gave. */
    static Before parse(String cursor) {
        if (cursor == null || cursor.isBlank()) {
            return null;
        }
        try {
            String decoded = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            int bar = decoded.indexOf('|');
            return new Before(Instant.parse(decoded.substring(0, bar)), decoded.substring(bar + 1));
        } catch (IllegalArgumentException | DateTimeParseException | StringIndexOutOfBoundsException notOurs) {
            throw new RuleViolation("before must be the cursor of a delivery in this log");
        }
    }
}
