package dev.stagehand.query.overlay;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stagehand.api.account.AccountId;
import dev.stagehand.api.channel.ChannelId;
import dev.stagehand.api.common.SecretId;
import dev.stagehand.api.overlay.FindOverlay;
import dev.stagehand.api.overlay.FindOverlayByToken;
import dev.stagehand.api.overlay.FindOverlayVersions;
import dev.stagehand.api.overlay.FindOverlaysOf;
import dev.stagehand.api.overlay.OverlayCreated;
import dev.stagehand.api.overlay.OverlayDeleted;
import dev.stagehand.api.overlay.OverlayId;
import dev.stagehand.api.overlay.OverlaySettings;
import dev.stagehand.api.overlay.OverlayTokenRotated;
import dev.stagehand.api.overlay.OverlayUpdated;
import dev.stagehand.api.overlay.OverlayVersion;
import dev.stagehand.api.overlay.OverlayView;
import dev.stagehand.query.ProjectionTest;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class OverlayProjectionTest extends ProjectionTest {

    private static final AccountId ADA = new AccountId("ada");
    private static final AccountId SAM = new AccountId("sam");
    private static final ChannelId CHANNEL = new ChannelId("100000001");
    private static final OverlayId OVERLAY = new OverlayId("00000000-0000-0000-0000-000000000001");
    private static final SecretId TOKEN = new SecretId("00000000-0000-0000-0000-0000000000a1");
    private static final Instant AT = Instant.parse("2026-12-04T20:00:00Z");
    private static final OverlaySettings BUBBLES = new OverlaySettings("bubbles", "", ".line { color: red; }", 10, 5,
            false, true, 2);

    private final OverlayProjection projection = new OverlayProjection(JDBC, WRITES, JSON);

    @BeforeEach
    void clear() {
        projection.clear();
    }

    private void create(OverlayId id, AccountId owner, String name, String tokenHash, Instant at) {
        projection.on(new OverlayCreated(id, owner, CHANNEL, name, OverlaySettings.defaults(), SecretId.random(),
                tokenHash), at);
    }

    private Optional<OverlayView> overlay() {
        return projection.handle(new FindOverlay(OVERLAY));
    }

    private List<OverlayVersion> versions() {
        return projection.handle(new FindOverlayVersions(OVERLAY));
    }

    @Test
    void aCreatedOverlayIsFoundByIdAndByItsTokenHash() {
        projection.on(new OverlayCreated(OVERLAY, ADA, CHANNEL, "Chat", OverlaySettings.defaults(), TOKEN,
                "hash-1"), AT);
        OverlayView created = new OverlayView(OVERLAY, ADA, CHANNEL, "Chat", OverlaySettings.defaults(), 1, TOKEN,
                "hash-1", AT, AT);
        assertThat(overlay()).contains(created);
        assertThat(projection.handle(new FindOverlayByToken("hash-1"))).contains(created);
        assertThat(projection.handle(new FindOverlayByToken("hash-2"))).isEmpty();
        assertThat(versions()).containsExactly(new OverlayVersion(OVERLAY, 1, "Chat", OverlaySettings.defaults(),
                AT));
    }

    @Test
    void anUpdateChangesTheOverlayAndKeepsEveryVersionNewestFirst() {
        create(OVERLAY, ADA, "Chat", "hash-1", AT);
        projection.on(new OverlayUpdated(OVERLAY, "Bubbles", BUBBLES, 2), AT.plusSeconds(10));
        projection.on(new OverlayUpdated(OVERLAY, "Bubbles again", BUBBLES, 3), AT.plusSeconds(20));
        assertThat(overlay()).get().satisfies(found -> {
            assertThat(found.name()).isEqualTo("Bubbles again");
            assertThat(found.settings()).isEqualTo(BUBBLES);
            assertThat(found.version()).isEqualTo(3);
            assertThat(found.createdAt()).isEqualTo(AT);
            assertThat(found.updatedAt()).isEqualTo(AT.plusSeconds(20));
        });
        assertThat(versions()).extracting(OverlayVersion::version).containsExactly(3, 2, 1);
        assertThat(versions().get(1)).isEqualTo(new OverlayVersion(OVERLAY, 2, "Bubbles", BUBBLES,
                AT.plusSeconds(10)));
    }

    @Test
    void anOlderVersionArrivingLateIsKeptInTheHistoryButNotShown() {
        create(OVERLAY, ADA, "Chat", "hash-1", AT);
        projection.on(new OverlayUpdated(OVERLAY, "Third", BUBBLES, 3), AT.plusSeconds(20));
        projection.on(new OverlayUpdated(OVERLAY, "Second", OverlaySettings.defaults(), 2), AT.plusSeconds(10));
        assertThat(overlay()).get().satisfies(found -> {
            assertThat(found.name()).isEqualTo("Third");
            assertThat(found.version()).isEqualTo(3);
            assertThat(found.updatedAt()).isEqualTo(AT.plusSeconds(20));
        });
        assertThat(versions()).extracting(OverlayVersion::name).containsExactly("Third", "Second", "Chat");
    }

    @Test
    void aRotatedTokenMovesTheOverlayToItsNewHashAtOnce() {
        SecretId rotated = new SecretId("00000000-0000-0000-0000-0000000000a2");
        projection.on(new OverlayCreated(OVERLAY, ADA, CHANNEL, "Chat", OverlaySettings.defaults(), TOKEN,
                "hash-1"), AT);
        projection.on(new OverlayTokenRotated(OVERLAY, rotated, "hash-2", TOKEN), AT.plusSeconds(30));
        assertThat(projection.handle(new FindOverlayByToken("hash-1"))).isEmpty();
        assertThat(projection.handle(new FindOverlayByToken("hash-2"))).get().satisfies(found -> {
            assertThat(found.token()).isEqualTo(rotated);
            assertThat(found.updatedAt()).isEqualTo(AT.plusSeconds(30));
            assertThat(found.version()).isEqualTo(1);
        });
    }

    @Test
    void aDeletedOverlayIsGoneWithItsVersions() {
        create(OVERLAY, ADA, "Chat", "hash-1", AT);
        projection.on(new OverlayUpdated(OVERLAY, "Bubbles", BUBBLES, 2), AT.plusSeconds(10));
        projection.on(new OverlayDeleted(OVERLAY, TOKEN));
        assertThat(overlay()).isEmpty();
        assertThat(projection.handle(new FindOverlayByToken("hash-1"))).isEmpty();
        assertThat(projection.handle(new FindOverlaysOf(ADA))).isEmpty();
        assertThat(versions()).isEmpty();
    }


    @Test
    void anUpdateHandedAgainAfterTheDeletionAddsNothing() {
        create(OVERLAY, ADA, "Chat", "hash-1", AT);
        OverlayUpdated updated = new OverlayUpdated(OVERLAY, "Bubbles", BUBBLES, 2);
        projection.on(updated, AT.plusSeconds(10));
        projection.on(new OverlayDeleted(OVERLAY, TOKEN));
        projection.on(updated, AT.plusSeconds(10));
        assertThat(overlay()).isEmpty();
        assertThat(versions()).isEmpty();
    }

    @Test
    void anOwnersOverlaysAreListedByNameThenByAge() {
        OverlayId zebra = new OverlayId("00000000-0000-0000-0000-000000000002");
        OverlayId younger = new OverlayId("00000000-0000-0000-0000-000000000003");
        OverlayId older = new OverlayId("00000000-0000-0000-0000-000000000004");
        create(zebra, ADA, "Zebra", "hash-2", AT);
        create(younger, ADA, "Alerts", "hash-3", AT.plusSeconds(60));
        create(older, ADA, "Alerts", "hash-4", AT);
        create(OVERLAY, SAM, "Also alerts", "hash-1", AT);
        assertThat(projection.handle(new FindOverlaysOf(ADA))).extracting(OverlayView::overlayId)
                .containsExactly(older, younger, zebra);
    }

    @Test
    void eachEventAppliedTwiceChangesNothing() {
        create(OVERLAY, ADA, "Chat", "hash-1", AT);
        create(OVERLAY, ADA, "Chat again", "hash-9", AT.plusSeconds(5));
        OverlayUpdated updated = new OverlayUpdated(OVERLAY, "Bubbles", BUBBLES, 2);
        projection.on(updated, AT.plusSeconds(10));
        projection.on(updated, AT.plusSeconds(15));
        assertThat(overlay()).get().satisfies(found -> {
            assertThat(found.tokenHash()).isEqualTo("hash-1");
            assertThat(found.createdAt()).isEqualTo(AT);
            assertThat(found.updatedAt()).isEqualTo(AT.plusSeconds(10));
        });
        assertThat(versions()).extracting(OverlayVersion::savedAt).containsExactly(AT.plusSeconds(10), AT);
    }
}
