package dev.stagehand.api.account;

import dev.stagehand.api.common.SecretId;
import org.axonframework.serialization.Revision;

@Revision("1")
public record TwitchAuthorizationRenewed(AccountId accountId, SecretId token) {
}
