package dev.stagehand.gateway.security;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Personal API tokens.
 *
 * @param requestsPerMinute how many requests one token may make a minute on a node; more get a 429 problem
 */
@ConfigurationProperties("stagehand.api-tokens")
record ApiTokenProperties(@DefaultValue("600") int requestsPerMinute) {
}
