package dev.stagehand.sagas.highlight;

import dev.stagehand.api.channel.ChannelId;
import dev.stagehand.api.common.SecretId;
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
import dev.stagehand.sagas.account.TwitchTokens;
import dev.stagehand.sagas.twitch.TwitchUnavailableException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.deadline.annotation.DeadlineHandler;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.modelling.saga.EndSaga;
import org.axonframework.modelling.saga.SagaEventHandler;
import org.axonframework.modelling.saga.StartSaga;
import org.axonframework.spring.stereotype.Saga;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Makes the Twitch clip a chat spike asked for, with the tokens of the channel's auto-clippers: the first one's, and
 * the next one's at once when Twitch will not take it from that account (no usable login, a 401 that a refreshed token
 * does not cure, a 403). Each attempt runs from a persistent deadline, at the configured waits (0 s, 3 s and 6 s): a
 * 408, a 429, a 5xx or no answer leads to the next attempt; any other answer fails the clip at once (a 404 is an
 * offline channel). When Twitch refused every auto-clipper with a 403 (clips are off in the channel, or they are banned
 * there), the clip fails and auto-clipping of the channel pauses until a subscriber resumes it. Twitch accepts a clip
 * before it has made it, so an accepted clip is looked for in Helix at growing waits (5, 10, 15 and 30 s: most show up
 * at the first or second look, Twitch documents 15 s) until it shows up; a 202 without a clip's id is a transient
 * failure. A request older than a clip can reach back (a node that was down) fails at its first attempt, without asking
 * Twitch: no clip of another moment.
 */
@Saga
public class ClipSaga {

    static final String ATTEMPT = "clip-attempt";
    static final String LOOK = "clip-look";
    static final String NO_LOGIN = "The clipping account's Twitch login is gone: its owner must log in with Twitch "
            + "again to allow clips";
    private static final String CLIP = "clipId";
    private static final int FORBIDDEN = 403;

    @Autowired
    private transient CommandGateway commands;
    @Autowired
    private transient DeadlineManager deadlines;
    @Autowired
    private transient TwitchClips twitch;
    @Autowired
    private transient ClipperAuthorizations authorizations;
    @Autowired
    private transient TwitchTokens tokens;
    @Autowired
    private transient ClipProperties settings;
    @Autowired
    private transient ClipMetrics metrics;

    private ClipId clipId;
    private String broadcasterId;
    private List<String> clippers;
    /** The clipper whose token is being tried. */
    private int clipper;
    /** Whether every clipper tried so far was refused with a 403. */
    private boolean allRefused = true;
    private Instant spikeEnd;
    private int attempts;
    private int failures;
    private boolean refreshed;
    private String twitchClipId;
    private Instant acceptedAt;
    private int looks;

    @StartSaga
    @SagaEventHandler(associationProperty = CLIP)
    void on(ClipRequested event) {
        clipId = event.clipId();
        broadcasterId = event.channelId();
        clippers = event.clippers();
        spikeEnd = event.spike().windowEnd();
        deadlines.schedule(settings.attemptDelays().get(0), ATTEMPT);
    }

    /** Deadline handlers take the time from their deadline: when it fell due. */
    @DeadlineHandler(deadlineName = ATTEMPT)
    void attempt(@Timestamp Instant now) {
        if (Duration.between(spikeEnd, now).compareTo(settings.latestAfter()) > 0) {
            tooLate();
            return;
        }
        if (clippers == null) {
            clippers = List.of(broadcasterId); // a saga started before anyone but the broadcaster could auto-clip
        }
        attempts++;
        Optional<SecretId> token = authorizations.tokenOf(clippers.get(clipper));
        Optional<String> accessToken = token.flatMap(tokens::accessToken);
        if (accessToken.isEmpty()) {
            nextClipper(0, NO_LOGIN, now);
            return;
        }
        ClipOutcome outcome = twitch.create(broadcasterId, accessToken.get());
        if (outcome.accepted()) {
            twitchClipId = outcome.twitchClipId();
            acceptedAt = now;
            commands.send(new RecordClipAccepted(clipId, attempts, twitchClipId, outcome.editUrl()));
            deadlines.schedule(settings.lookWaits().get(0), LOOK);
        } else if (outcome.unauthorized() && !refreshed) {
            refreshAndRetry(token.get(), outcome, now);
        } else if (outcome.transientFailure() && ++failures < settings.attemptDelays().size()) {
            retryAfter(settings.attemptDelays().get(failures), outcome.status(), outcome.reason(), now);
        } else if (outcome.status() == FORBIDDEN || outcome.unauthorized()) {
            nextClipper(outcome.status(), outcome.reason(), now);
        } else {
            fail(outcome.status(), outcome.reason());
        }
    }

    private void tooLate() {
        fail(0, "Too late to clip: the spike ended at " + spikeEnd + ", and a clip made now would show a later moment");
    }

    /** A 401: the token may have expired since it was last checked; a refreshed one is tried at once, once. */
    private void refreshAndRetry(SecretId token, ClipOutcome outcome, Instant now) {
        refreshed = true;
        TokenCheck check = tokens.check(token, Duration.ZERO);
        switch (check.outcome()) {
            case REFRESHED -> retryAfter(Duration.ZERO, outcome.status(), outcome.reason(), now);
            case LOST -> nextClipper(outcome.status(), NO_LOGIN, now);
            case VALID -> nextClipper(outcome.status(), outcome.reason() + " (the clipping account's login is valid "
                    + "but does not allow clips: its owner must log in with Twitch again)", now);
            case UNKNOWN -> nextClipper(outcome.status(), outcome.reason() + "; checking the login failed: "
                    + check.reason(), now);
        }
    }

    /**
     * Twitch will not clip the channel with this clipper's token: tries the next one's at once. With none left, the
     * clip fails with what the last one met, and when all were refused with a 403 (clips are off in the channel, or
     * every clipper is banned there) auto-clipping of the channel pauses.
     */
    private void nextClipper(int status, String reason, Instant now) {
        if (status != FORBIDDEN) {
            allRefused = false;
        }
        if (clipper + 1 < clippers.size()) {
            clipper++;
            refreshed = false;
            retryAfter(Duration.ZERO, status, reason, now);
        } else {
            fail(status, reason);
            if (allRefused) {
                commands.send(new PauseAutoClipping(new ChannelId(broadcasterId), reason));
            }
        }
    }

    private void retryAfter(Duration wait, int status, String reason, Instant now) {
        deadlines.schedule(wait, ATTEMPT);
        commands.send(new RecordClipAttemptFailed(clipId, attempts, status, reason, now.plus(wait)));
    }

    /** Looks for the accepted clip in Helix, until it shows up or the last wait has passed. */
    @DeadlineHandler(deadlineName = LOOK)
    void look(@Timestamp Instant now) {
        Optional<TwitchClip> made;
        try {
            made = twitch.find(twitchClipId);
        } catch (TwitchUnavailableException unavailable) {
            made = Optional.empty();
        }
        if (made.isPresent()) {
            commands.send(new RecordClipCreated(clipId, made.get()));
        } else if (++looks < settings.lookWaits().size()) {
            deadlines.schedule(settings.lookWaits().get(looks), LOOK);
        } else {
            fail(0, "Twitch accepted the clip but had not made it after " + Duration.between(acceptedAt, now)
                    .toSeconds() + " s (Twitch fails to make some clips)");
        }
    }

    private void fail(int status, String reason) {
        commands.send(new RecordClipAttemptFailed(clipId, attempts, status, reason, null));
    }

    @EndSaga
    @SagaEventHandler(associationProperty = CLIP)
    void on(ClipCreated event) {
        metrics.created();
    }

    @EndSaga
    @SagaEventHandler(associationProperty = CLIP)
    void on(ClipCreationFailed event) {
        metrics.failed();
    }
}
