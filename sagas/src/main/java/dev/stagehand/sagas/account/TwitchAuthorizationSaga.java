package dev.stagehand.sagas.account;

import dev.stagehand.api.account.AccountDeleted;
import dev.stagehand.api.account.AccountId;
import dev.stagehand.api.account.IdentityLinked;
import dev.stagehand.api.account.IdentityUnlinked;
import dev.stagehand.api.account.Provider;
import dev.stagehand.api.account.ReportTwitchAuthorizationLost;
import dev.stagehand.api.account.TwitchAuthorizationLost;
import dev.stagehand.api.account.TwitchAuthorizationRenewed;
import dev.stagehand.api.common.SecretId;
import java.time.Duration;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.deadline.annotation.DeadlineHandler;
import org.axonframework.modelling.saga.EndSaga;
import org.axonframework.modelling.saga.SagaEventHandler;
import org.axonframework.modelling.saga.SagaLifecycle;
import org.axonframework.modelling.saga.StartSaga;
import org.axonframework.spring.stereotype.Saga;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Keeps a streamer's Twitch token alive from the moment they link Twitch: validates it on every check interval,
 * refreshes it before it expires, and reports the authorization lost when Twitch refuses it for good (the streamer
 * disconnected Stagehand in their Twitch settings). A new login with Twitch renews it; unlinking Twitch or deleting the
 * account ends it.
 */
@Saga
public class TwitchAuthorizationSaga {

    static final String CHECK = "check-twitch-token";
    private static final String ACCOUNT = "accountId";

    @Autowired
    private transient TwitchTokens tokens;
    @Autowired
    private transient CommandGateway commands;
    @Autowired
    private transient DeadlineManager deadlines;
    @Autowired
    private transient TwitchAuthorizationProperties settings;

    private AccountId accountId;
    private SecretId token;
    private String checkDeadline;

    @StartSaga
    @SagaEventHandler(associationProperty = ACCOUNT)
    void on(IdentityLinked event) {
        if (event.provider() != Provider.TWITCH) {
            SagaLifecycle.end();
            return;
        }
        accountId = event.accountId();
        token = event.token();
        scheduleCheck(settings.checkInterval());
    }

    @SagaEventHandler(associationProperty = ACCOUNT)
    void on(TwitchAuthorizationRenewed event) {
        if (!event.token().equals(token)) {
            tokens.forget(token);
            token = event.token();
        }
        scheduleCheck(settings.checkInterval());
    }

    @SagaEventHandler(associationProperty = ACCOUNT)
    void on(TwitchAuthorizationLost event) {
        cancelCheck();
    }

    @SagaEventHandler(associationProperty = ACCOUNT)
    void on(IdentityUnlinked event) {
        if (event.provider() == Provider.TWITCH) {
            cancelCheck();
            tokens.forget(token);
            SagaLifecycle.end();
        }
    }

    @EndSaga
    @SagaEventHandler(associationProperty = ACCOUNT)
    void on(AccountDeleted event) {
        cancelCheck();
    }

    @DeadlineHandler(deadlineName = CHECK)
    void check() {
        checkDeadline = null;
        TokenCheck check = tokens.check(token, settings.horizon());
        switch (check.outcome()) {
            case VALID, REFRESHED -> scheduleCheck(settings.checkInterval());
            case UNKNOWN -> scheduleCheck(settings.retryInterval());
            case LOST -> {
                commands.send(new ReportTwitchAuthorizationLost(accountId, token, check.reason()));
                // TwitchAuthorizationLost cancels this; should the report itself fail, the check runs again.
                scheduleCheck(settings.retryInterval());
            }
        }
    }

    private void scheduleCheck(Duration after) {
        cancelCheck();
        checkDeadline = deadlines.schedule(after, CHECK);
    }

    private void cancelCheck() {
        if (checkDeadline != null) {
            deadlines.cancelSchedule(CHECK, checkDeadline);
            checkDeadline = null;
        }
    }
}
