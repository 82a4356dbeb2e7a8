package dev.stagehand.sagas.highlight;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stagehand.api.account.AccountId;
import dev.stagehand.api.channel.ChannelId;
import dev.stagehand.api.common.SecretId;
import dev.stagehand.api.highlight.ChatSpike;
import dev.stagehand.api.highlight.ClipAccepted;
import dev.stagehand.api.highlight.ClipCreated;
import dev.stagehand.api.highlight.ClipCreationFailed;
import dev.stagehand.api.highlight.ClipId;
import dev.stagehand.api.highlight.ClipRequested;
import dev.stagehand.api.highlight.PauseAutoClipping;
import dev.stagehand.api.highlight.RecordClipAccepted;
import dev.stagehand.api.highlight.RecordClipAttemptFailed;
import dev.stagehand.api.highlight.RecordClipCreated;
import dev.stagehand.api.highlight.TwitchClip;
import dev.stagehand.sagas.account.TokenCheck;
import dev.stagehand.sagas.account.TwitchToken;
import dev.stagehand.sagas.account.TwitchTokens;
import dev.stagehand.sagas.twitch.TwitchUnavailableException;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import org.axonframework.test.saga.SagaTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ClipSagaTest {

    private static final Instant NOW = Instant.parse("2026-12-03T18:00:06Z");
    private static final ChatSpike SPIKE = new ChatSpike(1, "100000001", Instant.parse("2026-12-03T18:00:00Z"),
            Instant.parse("2026-12-03T18:00:05Z"), 240, 20.5, 4.1, 32.8, 120, 11.2);
    private static final ClipId ID = ClipId.of(SPIKE);
    private static final ClipRequested REQUESTED = new ClipRequested(ID, "100000001", SPIKE, List.of("100000001"),
            false);
    /** Two auto-clippers: Sam first (the broadcaster does not auto-clip), then Kim. */
    private static final ClipRequested BY_TWO = new ClipRequested(ID, "100000001", SPIKE,
            List.of("200000002", "300000003"), false);
    private static final TwitchClip MADE = new TwitchClip("PogNoodle-1", "https://clips.twitch.tv/PogNoodle-1",
            "https://clips.twitch.tv/embed?clip=PogNoodle-1", "https://thumb/PogNoodle-1.jpg", "Morning coffee", 30,
            NOW);
    private static final ClipAccepted ACCEPTED = new ClipAccepted(ID, "100000001", 1, "PogNoodle-1", "edit");
    /** A scripted answer: 202, but without the clip's id. */
    private static final int NO_ID = -202;
    /** Lets the deadlines due now fall due. */
    private static final Duration SOON = Duration.ZERO;

    /** Twitch as the saga sees it: answers clip requests as scripted; a clip shows up once {@code made} is set. */
    static class ScriptedTwitch implements TwitchClips {
        final Deque<Integer> answers = new ArrayDeque<>();
        final List<String> tokensUsed = new ArrayList<>();
        Optional<TwitchClip> made = Optional.empty();
        boolean unavailable;

        @Override
        public ClipOutcome create(String broadcasterId, String accessToken) {
            assertThat(broadcasterId).isEqualTo("100000001");
            tokensUsed.add(accessToken);
            int status = answers.removeFirst();
            return status == 202 ? new ClipOutcome(202, "PogNoodle-1", "edit", "Twitch is making the clip")
                    : new ClipOutcome(status == NO_ID ? 202 : status, null, null, "Twitch answered " + status);
        }

        @Override
        public Optional<TwitchClip> find(String twitchClipId) {
            assertThat(twitchClipId).isEqualTo("PogNoodle-1");
            if (unavailable) {
                throw new TwitchUnavailableException(new RuntimeException("503"));
            }
            return made;
        }
    }

    /** A clipper's stored token: its access token, and what checking it with Twitch finds. */
    static class ScriptedTokens implements TwitchTokens {
        String accessToken = "old-token";
        TokenCheck.Outcome onCheck = TokenCheck.Outcome.REFRESHED;
        int checks;

        @Override
        public SecretId store(AccountId owner, TwitchToken token) {
            throw new UnsupportedOperationException();
        }

        @Override
        public TokenCheck check(SecretId token, Duration horizon) {
            checks++;
            if (onCheck == TokenCheck.Outcome.REFRESHED) {
                accessToken = "new-token";
            }
            return new TokenCheck(onCheck, "checked");
        }

        @Override
        public void forget(SecretId token) {
            throw new UnsupportedOperationException();
        }

        /** Each user's access token ends with their Twitch user id, so tests can tell whose token was used. */
        @Override
        public Optional<String> accessToken(SecretId token) {
            String owner = token.value().substring(24, 33);
            return Optional.ofNullable(accessToken).map(access -> owner.equals("100000001") ? access
                    : access + "-" + owner);
        }
    }

    private SagaTestFixture<ClipSaga> fixture;
    private ScriptedTwitch twitch;
    private ScriptedTokens tokens;
    /** The Twitch users whose logins Stagehand holds a token of. */
    private final List<String> loggedIn = new ArrayList<>(List.of("100000001", "200000002", "300000003"));

    @BeforeEach
    void setUp() {
        fixture = new SagaTestFixture<>(ClipSaga.class);
        twitch = new ScriptedTwitch();
        tokens = new ScriptedTokens();
        fixture.registerResource(twitch);
        fixture.registerResource(new ClipMetrics(new SimpleMeterRegistry()));
        fixture.registerResource(tokens);
        fixture.registerResource((ClipperAuthorizations) twitchUserId -> loggedIn.contains(twitchUserId)
                ? Optional.of(new SecretId("5a0c0f00-0000-4000-8000-" + twitchUserId.substring(0, 9) + "000"))
                : Optional.empty());
        fixture.registerResource(new ClipProperties(List.of(Duration.ZERO, Duration.ofSeconds(3),
                Duration.ofSeconds(6)), List.of(Duration.ofSeconds(5), Duration.ofSeconds(10), Duration.ofSeconds(15),
                Duration.ofSeconds(30)), Duration.ofSeconds(60)));
    }

    private static RecordClipAttemptFailed failed(int attempt, int status, Duration retryIn, Instant at) {
        return new RecordClipAttemptFailed(ID, attempt, status, "Twitch answered " + status,
                retryIn == null ? null : at.plus(retryIn));
    }

    @Test
    void aRequestIsAttemptedAtOnce() {
        fixture.givenCurrentTime(NOW)
               .whenPublishingA(REQUESTED)
               .expectActiveSagas(1)
               .expectScheduledDeadlineWithName(Duration.ZERO, ClipSaga.ATTEMPT)
               .expectNoDispatchedCommands();
    }

    @Test
    void anAcceptedClipIsLookedForUntilTwitchHasMadeIt() {
        twitch.answers.add(202);
        fixture.givenCurrentTime(NOW).andThenAPublished(REQUESTED)
               .whenTimeElapses(SOON)
               .expectDispatchedCommands(new RecordClipAccepted(ID, 1, "PogNoodle-1", "edit"))
               .expectScheduledDeadlineWithName(Duration.ofSeconds(5), ClipSaga.LOOK);
        assertThat(twitch.tokensUsed).containsExactly("old-token");
        fixture.whenTimeElapses(Duration.ofSeconds(5))
               .expectNoDispatchedCommands()
               .expectScheduledDeadlineWithName(Duration.ofSeconds(10), ClipSaga.LOOK);
        twitch.made = Optional.of(MADE);
        fixture.whenTimeElapses(Duration.ofSeconds(10))
               .expectDispatchedCommands(new RecordClipCreated(ID, MADE));
    }

    @Test
    void aTwoOhTwoWithoutTheClipsIdIsRetriedAtTheScheduledWaits() {
        twitch.answers.addAll(List.of(NO_ID, 202));
        fixture.givenCurrentTime(NOW).andThenAPublished(REQUESTED)
               .whenTimeElapses(SOON)
               .expectDispatchedCommands(new RecordClipAttemptFailed(ID, 1, 202, "Twitch answered " + NO_ID,
                       NOW.plusSeconds(3)))
               .expectScheduledDeadlineWithName(Duration.ofSeconds(3), ClipSaga.ATTEMPT);
        fixture.whenTimeElapses(Duration.ofSeconds(3))
               .expectDispatchedCommands(new RecordClipAccepted(ID, 2, "PogNoodle-1", "edit"));
    }

    @Test
    void twitchFailingTransientlyIsRetriedAtTheScheduledWaits() {
        twitch.answers.addAll(List.of(503, 429, 202));
        fixture.givenCurrentTime(NOW).andThenAPublished(REQUESTED)
               .whenTimeElapses(SOON)
               .expectDispatchedCommands(failed(1, 503, Duration.ofSeconds(3), NOW))
               .expectScheduledDeadlineWithName(Duration.ofSeconds(3), ClipSaga.ATTEMPT);
        fixture.whenTimeElapses(Duration.ofSeconds(3))
               .expectDispatchedCommands(failed(2, 429, Duration.ofSeconds(6), NOW.plusSeconds(3)))
               .expectScheduledDeadlineWithName(Duration.ofSeconds(6), ClipSaga.ATTEMPT);
        fixture.whenTimeElapses(Duration.ofSeconds(6))
               .expectDispatchedCommands(new RecordClipAccepted(ID, 3, "PogNoodle-1", "edit"));
    }

    @Test
    void aTimeoutThreeTimesFailsTheClip() {
        twitch.answers.addAll(List.of(408, 500, 408));
        fixture.givenCurrentTime(NOW).andThenAPublished(REQUESTED)
               .whenTimeElapses(SOON)
               .expectDispatchedCommands(failed(1, 408, Duration.ofSeconds(3), NOW));
        fixture.whenTimeElapses(Duration.ofSeconds(3))
               .expectDispatchedCommands(failed(2, 500, Duration.ofSeconds(6), NOW.plusSeconds(3)));
        fixture.whenTimeElapses(Duration.ofSeconds(6))
               .expectDispatchedCommands(failed(3, 408, null, null))
               .expectNoScheduledDeadlines();
    }

    @Test
    void noAnswerAtAllIsRetriedToo() {
        twitch.answers.add(0);
        fixture.givenCurrentTime(NOW).andThenAPublished(REQUESTED)
               .whenTimeElapses(SOON)
               .expectDispatchedCommands(failed(1, 0, Duration.ofSeconds(3), NOW));
    }

    @Test
    void anOfflineChannelFailsAtOnce() {
        twitch.answers.add(404);
        fixture.givenCurrentTime(NOW).andThenAPublished(REQUESTED)
               .whenTimeElapses(SOON)
               .expectDispatchedCommands(failed(1, 404, null, null))
               .expectNoScheduledDeadlines();
    }

    @Test
    void aForbiddenClipFailsAtOnceAndPausesAutoClippingOfTheChannel() {
        twitch.answers.add(403);
        fixture.givenCurrentTime(NOW).andThenAPublished(REQUESTED)
               .whenTimeElapses(SOON)
               .expectDispatchedCommands(failed(1, 403, null, null),
                       new PauseAutoClipping(new ChannelId("100000001"), "Twitch answered 403"))
               .expectNoScheduledDeadlines();
    }

    @Test
    void theFirstAutoClippersTokenMakesTheClip() {
        twitch.answers.add(202);
        fixture.givenCurrentTime(NOW).andThenAPublished(BY_TWO)
               .whenTimeElapses(SOON)
               .expectDispatchedCommands(new RecordClipAccepted(ID, 1, "PogNoodle-1", "edit"));
        assertThat(twitch.tokensUsed).containsExactly("old-token-200000002");
    }

    @Test
    void aClipperTwitchRefusesPassesTheClipToTheNextAtOnce() {
        twitch.answers.addAll(List.of(403, 202));
        fixture.givenCurrentTime(NOW).andThenAPublished(BY_TWO)
               .whenTimeElapses(SOON)
               .expectDispatchedCommands(failed(1, 403, Duration.ZERO, NOW),
                       new RecordClipAccepted(ID, 2, "PogNoodle-1", "edit"));
        assertThat(twitch.tokensUsed).containsExactly("old-token-200000002", "old-token-300000003");
    }

    @Test
    void aClipperWithoutALoginPassesTheClipToTheNext() {
        loggedIn.remove("200000002");
        twitch.answers.add(202);
        fixture.givenCurrentTime(NOW).andThenAPublished(BY_TWO)
               .whenTimeElapses(SOON)
               .expectDispatchedCommands(new RecordClipAttemptFailed(ID, 1, 0, ClipSaga.NO_LOGIN, NOW),
                       new RecordClipAccepted(ID, 2, "PogNoodle-1", "edit"));
        assertThat(twitch.tokensUsed).containsExactly("old-token-300000003");
    }

    @Test
    void everyClipperRefusedPausesAutoClipping() {
        twitch.answers.addAll(List.of(403, 403));
        fixture.givenCurrentTime(NOW).andThenAPublished(BY_TWO)
               .whenTimeElapses(SOON)
               .expectDispatchedCommands(failed(1, 403, Duration.ZERO, NOW), failed(2, 403, null, null),
                       new PauseAutoClipping(new ChannelId("100000001"), "Twitch answered 403"));
    }

    @Test
    void aRefusalAfterALostLoginFailsTheClipWithoutPausing() {
        loggedIn.remove("200000002");
        twitch.answers.add(403);
        fixture.givenCurrentTime(NOW).andThenAPublished(BY_TWO)
               .whenTimeElapses(SOON)
               .expectDispatchedCommands(new RecordClipAttemptFailed(ID, 1, 0, ClipSaga.NO_LOGIN, NOW),
                       failed(2, 403, null, null));
    }

    @Test
    void anOfflineChannelIsNotPassedOnToTheNextClipper() {
        twitch.answers.add(404);
        fixture.givenCurrentTime(NOW).andThenAPublished(BY_TWO)
               .whenTimeElapses(SOON)
               .expectDispatchedCommands(failed(1, 404, null, null));
    }

    @Test
    void a401RefreshesTheTokenAndTriesAgainAtOnceWithTheNewOne() {
        twitch.answers.addAll(List.of(401, 202));
        fixture.givenCurrentTime(NOW).andThenAPublished(REQUESTED)
               .whenTimeElapses(SOON)
               .expectDispatchedCommands(failed(1, 401, Duration.ZERO, NOW),
                       new RecordClipAccepted(ID, 2, "PogNoodle-1", "edit"));
        assertThat(tokens.checks).isEqualTo(1);
        assertThat(twitch.tokensUsed).containsExactly("old-token", "new-token");
    }

    @Test
    void a401AfterARefreshFailsTheClip() {
        twitch.answers.addAll(List.of(401, 401));
        fixture.givenCurrentTime(NOW).andThenAPublished(REQUESTED)
               .whenTimeElapses(SOON)
               .expectDispatchedCommands(failed(1, 401, Duration.ZERO, NOW), failed(2, 401, null, null))
               .expectNoScheduledDeadlines();
        assertThat(tokens.checks).isEqualTo(1);
    }

    @Test
    void a401WithATokenTwitchNoLongerHonoursAsksForANewLogin() {
        tokens.onCheck = TokenCheck.Outcome.LOST;
        twitch.answers.add(401);
        fixture.givenCurrentTime(NOW).andThenAPublished(REQUESTED)
               .whenTimeElapses(SOON)
               .expectDispatchedCommands(new RecordClipAttemptFailed(ID, 1, 401, ClipSaga.NO_LOGIN, null));
    }

    @Test
    void a401WithAValidTokenMeansTheLoginDoesNotAllowClips() {
        tokens.onCheck = TokenCheck.Outcome.VALID;
        twitch.answers.add(401);
        fixture.givenCurrentTime(NOW).andThenAPublished(REQUESTED)
               .whenTimeElapses(SOON)
               .expectDispatchedCommands(new RecordClipAttemptFailed(ID, 1, 401, "Twitch answered 401 (the "
                       + "clipping account's login is valid but does not allow clips: its owner must log in with "
                       + "Twitch again)", null));
    }

    @Test
    void aBroadcasterWithoutALoginGetsNoClip() {
        loggedIn.clear();
        fixture.givenCurrentTime(NOW).andThenAPublished(REQUESTED)
               .whenTimeElapses(SOON)
               .expectDispatchedCommands(new RecordClipAttemptFailed(ID, 1, 0, ClipSaga.NO_LOGIN, null));
        assertThat(twitch.tokensUsed).isEmpty();
    }

    @Test
    void aClipThatNeverShowsUpFailsAfterTheWait() {
        twitch.answers.add(202);
        twitch.unavailable = true;
        fixture.givenCurrentTime(NOW).andThenAPublished(REQUESTED)
               .whenTimeElapses(SOON)
               .expectDispatchedCommands(new RecordClipAccepted(ID, 1, "PogNoodle-1", "edit"));
        // Looks at 5, 15 and 30 s find nothing (Twitch unavailable counts as not yet); the last, at 60 s, gives up.
        fixture.whenTimeElapses(Duration.ofSeconds(5))
               .expectNoDispatchedCommands()
               .expectScheduledDeadlineWithName(Duration.ofSeconds(10), ClipSaga.LOOK);
        fixture.whenTimeElapses(Duration.ofSeconds(10))
               .expectScheduledDeadlineWithName(Duration.ofSeconds(15), ClipSaga.LOOK);
        twitch.unavailable = false;
        fixture.whenTimeElapses(Duration.ofSeconds(15))
               .expectNoDispatchedCommands()
               .expectScheduledDeadlineWithName(Duration.ofSeconds(30), ClipSaga.LOOK);
        fixture.whenTimeElapses(Duration.ofSeconds(29))
               .expectNoDispatchedCommands();
        fixture.whenTimeElapses(Duration.ofSeconds(1))
               .expectDispatchedCommands(new RecordClipAttemptFailed(ID, 1, 0, "Twitch accepted the clip but had "
                       + "not made it after 60 s (Twitch fails to make some clips)", null))
               .expectNoScheduledDeadlines();
    }

    @Test
    void aRequestTooLateToClipFailsWithoutAskingTwitch() {
        fixture.givenCurrentTime(SPIKE.windowEnd().plus(Duration.ofMinutes(5)))
               .andThenAPublished(REQUESTED)
               .whenTimeElapses(SOON)
               .expectDispatchedCommands(new RecordClipAttemptFailed(ID, 0, 0, "Too late to clip: the spike ended "
                       + "at 2026-12-03T18:00:05Z, and a clip made now would show a later moment", null))
               .expectNoScheduledDeadlines();
        assertThat(twitch.tokensUsed).isEmpty();
    }

    @Test
    void theSagaEndsWhenTheClipIsCreated() {
        fixture.givenCurrentTime(NOW).andThenAPublished(REQUESTED).andThenAPublished(ACCEPTED)
               .whenPublishingA(new ClipCreated(ID, "100000001", MADE, SPIKE))
               .expectActiveSagas(0);
    }

    @Test
    void theSagaEndsWhenTheClipFailed() {
        fixture.givenCurrentTime(NOW).andThenAPublished(REQUESTED)
               .whenPublishingA(new ClipCreationFailed(ID, "100000001", "gone", SPIKE))
               .expectActiveSagas(0);
    }
}
