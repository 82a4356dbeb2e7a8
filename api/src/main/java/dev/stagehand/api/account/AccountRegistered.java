package dev.stagehand.api.account;

import org.axonframework.serialization.Revision;

@Revision("1")
public record AccountRegistered(AccountId accountId, PersonalData displayName) {
}
