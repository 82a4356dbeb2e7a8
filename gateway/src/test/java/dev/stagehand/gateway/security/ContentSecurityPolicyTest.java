package dev.stagehand.gateway.security;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stagehand.gateway.IntegrationTest;
import org.junit.jupiter.api.Test;

/**
 * Every dashboard page carries the dashboard's policy and the overlay page keeps its stricter one; the browser tests
 * fail on any violation of either while the pages are used.
 */
class ContentSecurityPolicyTest extends IntegrationTest {

    @Test
    void dashboardPagesAndTheOverlayPageEachCarryTheirPolicy() {
        for (String page : new String[] {"/", "/clips", "/notifications"}) {
            anonymous().get().uri(page).exchange().expectStatus().isOk()
                    .expectHeader().valueEquals("Content-Security-Policy", SecurityConfiguration.DASHBOARD_POLICY);
        }
        assertThat(SecurityConfiguration.DASHBOARD_POLICY).contains("script-src 'self';")
                .doesNotContain("unsafe-eval").doesNotContain("script-src 'self' 'unsafe-inline'");
        anonymous().get().uri("/overlay/{token}", "a".repeat(43)).exchange().expectStatus().isOk()
                .expectHeader().values("Content-Security-Policy", policies -> assertThat(policies).singleElement()
                        .satisfies(policy -> assertThat(policy).startsWith("default-src 'none'; script-src 'self';")
                                .contains("form-action 'none'")));
    }
}
