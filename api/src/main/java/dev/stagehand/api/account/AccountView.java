package dev.stagehand.api.account;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

public record AccountView(AccountId accountId, String displayName, boolean operator, Instant registeredAt,
                          Instant updatedAt, List<IdentityView> identities) {

    public Optional<IdentityView> identity(Provider provider) {
        return identities.stream().filter(identity -> identity.provider() == provider).findFirst();
    }
}
