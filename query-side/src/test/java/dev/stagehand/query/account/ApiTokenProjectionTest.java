package dev.stagehand.query.account;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stagehand.api.account.AccountDeleted;
import dev.stagehand.api.account.AccountId;
import dev.stagehand.api.account.ApiTokenCreated;
import dev.stagehand.api.account.ApiTokenRevoked;
import dev.stagehand.api.account.ApiTokenView;
import dev.stagehand.api.account.FindApiTokenByHash;
import dev.stagehand.api.account.FindApiTokens;
import dev.stagehand.query.ProjectionTest;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ApiTokenProjectionTest extends ProjectionTest {

    private static final AccountId ADA = new AccountId("ada");
    private static final AccountId BEA = new AccountId("bea");
    private static final Instant AT = Instant.parse("2026-12-05T06:00:00Z");
    private static final Instant EXPIRES = Instant.parse("2027-03-05T06:00:00Z");
    private static final String HASH_ONE = "a".repeat(64);
    private static final String HASH_TWO = "b".repeat(64);

    private final ApiTokenProjection projection = new ApiTokenProjection(JDBC);

    @BeforeEach
    void clear() {
        projection.clear();
    }

    @Test
    void tokensAreFoundByTheirHashListedForTheirOwnerAndGoneWhenRevokedOrTheAccountIs() {
        projection.on(new ApiTokenCreated(ADA, "t1", "stats", HASH_ONE, false, false, EXPIRES), AT);
        projection.on(new ApiTokenCreated(ADA, "t2", "bot", HASH_TWO, true, false, EXPIRES), AT.plusSeconds(60));
        projection.on(new ApiTokenCreated(BEA, "t3", "other", "c".repeat(64), true, false, EXPIRES), AT);

        ApiTokenView stats = new ApiTokenView("t1", ADA, "stats", false, false, AT, EXPIRES);
        assertThat(projection.handle(new FindApiTokenByHash(HASH_ONE))).contains(stats);
        assertThat(projection.handle(new FindApiTokens(ADA))).extracting(ApiTokenView::tokenId)
                .containsExactly("t2", "t1");

        projection.on(new ApiTokenRevoked(ADA, "t1"));
        assertThat(projection.handle(new FindApiTokenByHash(HASH_ONE))).isEmpty();
        projection.on(new AccountDeleted(ADA));
        assertThat(projection.handle(new FindApiTokens(ADA))).isEmpty();
        assertThat(projection.handle(new FindApiTokens(BEA))).hasSize(1);
    }
}
