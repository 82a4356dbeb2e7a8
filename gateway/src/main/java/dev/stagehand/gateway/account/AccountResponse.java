package dev.stagehand.gateway.account;

import dev.stagehand.api.account.AccountView;
import dev.stagehand.api.account.IdentityView;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

/**
 * An account as its owner (or an operator) sees it. Provider user ids and tokens stay inside Stagehand.
 *
 * @param operatorRoleOffered this is the deployment's first account, and nobody holds the operator role yet
 */
record AccountResponse(String id, String displayName, boolean operator, boolean operatorRoleOffered,
                       List<Identity> identities, Instant registeredAt, Instant updatedAt) {

    /** @param needsLogin Stagehand can no longer act on Twitch for this account until it logs in with Twitch again */
    record Identity(String provider, String login, String displayName, boolean needsLogin, Instant linkedAt) {

        static Identity of(IdentityView view) {
            return new Identity(view.provider().name().toLowerCase(Locale.ROOT), view.login(), view.displayName(),
                    view.needsLogin(), view.linkedAt());
        }
    }

    static AccountResponse of(AccountView view, boolean operatorRoleOffered) {
        return new AccountResponse(view.accountId().value(), view.displayName(), view.operator(),
                operatorRoleOffered, view.identities().stream().map(Identity::of).toList(),
                view.registeredAt(), view.updatedAt());
    }
}
