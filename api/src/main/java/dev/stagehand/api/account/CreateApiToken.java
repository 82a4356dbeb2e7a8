package dev.stagehand.api.account;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * A personal API token for the account's own data: only its SHA-256 is kept ({@code hash}); it may change data when
 * {@code write}, reach the operator API when {@code admin} (an operator's only), and works until {@code expiresAt}.
 */
public record CreateApiToken(@TargetAggregateIdentifier AccountId accountId, String tokenId, String name,
                             String hash, boolean write, boolean admin, Instant expiresAt) {
}
