package dev.stagehand.command.overlay;

import dev.stagehand.api.account.AccountId;
import dev.stagehand.api.channel.ChannelId;
import dev.stagehand.api.common.NotFound;
import dev.stagehand.api.common.RuleViolation;
import dev.stagehand.api.common.SecretId;
import dev.stagehand.api.overlay.CreateOverlay;
import dev.stagehand.api.overlay.DeleteOverlay;
import dev.stagehand.api.overlay.OverlayCreated;
import dev.stagehand.api.overlay.OverlayDeleted;
import dev.stagehand.api.overlay.OverlayId;
import dev.stagehand.api.overlay.OverlaySettings;
import dev.stagehand.api.overlay.OverlayTokenRotated;
import dev.stagehand.api.overlay.OverlayUpdated;
import dev.stagehand.api.overlay.RotateOverlayToken;
import dev.stagehand.api.overlay.UpdateOverlay;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class OverlayTest {

    private static final OverlayId ID = new OverlayId("0b6f1f3e-7a51-4a3c-9d2e-5b8e2c1a0001");
    private static final AccountId OWNER = new AccountId("owner");
    private static final AccountId STRANGER = new AccountId("stranger");
    private static final ChannelId CHANNEL = new ChannelId("1000");
    private static final SecretId TOKEN = new SecretId("7b7e6f0e-6f53-4d7a-9b86-9d3f1f0a0001");
    private static final SecretId NEW_TOKEN = new SecretId("7b7e6f0e-6f53-4d7a-9b86-9d3f1f0a0002");
    private static final OverlaySettings DEFAULTS = OverlaySettings.defaults();
    private static final OverlayCreated CREATED =
            new OverlayCreated(ID, OWNER, CHANNEL, "Main scene", DEFAULTS, TOKEN, "hash1");

    private AggregateTestFixture<Overlay> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Overlay.class);
    }

    private static OverlaySettings template(String html) {
        return new OverlaySettings("classic", html, "", 30, 15, true, true, 0);
    }

    @Test
    void createsAnOverlayWithValidatedSettings() {
        fixture.givenNoPriorActivity()
               .when(new CreateOverlay(ID, OWNER, CHANNEL, " Main scene ",
                       new OverlaySettings(" ", null, null, 30, 15, true, true, 0), TOKEN, "hash1"))
               .expectEvents(CREATED);
    }

    @Test
    void refusesAnUnclosedOrUnknownPlaceholder() {
        fixture.givenNoPriorActivity()
               .when(new CreateOverlay(ID, OWNER, CHANNEL, "x", template("<b>{{displayName</b>"), TOKEN, "h"))
               .expectException(RuleViolation.class)
               .expectExceptionMessage("The template has an unclosed placeholder near '{{displayName</b>'");
        fixture.givenNoPriorActivity()
               .when(new CreateOverlay(ID, OWNER, CHANNEL, "x", template("{{password}}"), TOKEN, "h"))
               .expectException(RuleViolation.class);
    }

    @Test
    void refusesATemplateOver64Kilobytes() {
        fixture.givenNoPriorActivity()
               .when(new CreateOverlay(ID, OWNER, CHANNEL, "x", template("x".repeat(64 * 1024 + 1)), TOKEN, "h"))
               .expectException(RuleViolation.class)
               .expectExceptionMessage("The template is over 64 KB");
    }

    @Test
    void refusesOutOfRangeNumbersAndUnknownThemes() {
        fixture.givenNoPriorActivity()
               .when(new CreateOverlay(ID, OWNER, CHANNEL, "x",
                       new OverlaySettings("classic", "", "", 30, 0, true, true, 0), TOKEN, "h"))
               .expectException(RuleViolation.class)
               .expectExceptionMessage("maxLines must be between 1 and 200");
        fixture.givenNoPriorActivity()
               .when(new CreateOverlay(ID, OWNER, CHANNEL, "x",
                       new OverlaySettings("neon", "", "", 30, 15, true, true, 0), TOKEN, "h"))
               .expectException(RuleViolation.class);
    }

    @Test
    void everyChangeIsANewVersion() {
        OverlaySettings bubbles = new OverlaySettings("bubbles", "<p>{{displayName}}: {{message}}</p>", "p{}", 10,
                20, false, true, 2);
        fixture.given(CREATED, new OverlayUpdated(ID, "Main scene", template("{{message}}"), 2))
               .when(new UpdateOverlay(ID, OWNER, "Main scene", bubbles))
               .expectEvents(new OverlayUpdated(ID, "Main scene", bubbles, 3));
    }

    @Test
    void anUnchangedUpdateRecordsNothing() {
        fixture.given(CREATED)
               .when(new UpdateOverlay(ID, OWNER, "Main scene", DEFAULTS))
               .expectSuccessfulHandlerExecution()
               .expectNoEvents();
    }

    @Test
    void rotatingTheTokenNamesTheOldOneToForget() {
        fixture.given(CREATED)
               .when(new RotateOverlayToken(ID, OWNER, NEW_TOKEN, "hash2"))
               .expectEvents(new OverlayTokenRotated(ID, NEW_TOKEN, "hash2", TOKEN));
    }

    @Test
    void onlyTheOwnerChangesRotatesOrDeletes() {
        fixture.given(CREATED).when(new UpdateOverlay(ID, STRANGER, "Mine now", DEFAULTS))
               .expectException(NotFound.class);
        fixture.given(CREATED).when(new RotateOverlayToken(ID, STRANGER, NEW_TOKEN, "h"))
               .expectException(NotFound.class);
        fixture.given(CREATED).when(new DeleteOverlay(ID, STRANGER))
               .expectException(NotFound.class);
    }

    @Test
    void deletesAnOverlay() {
        fixture.given(CREATED)
               .when(new DeleteOverlay(ID, OWNER))
               .expectEvents(new OverlayDeleted(ID, TOKEN))
               .expectMarkedDeleted();
    }
}
