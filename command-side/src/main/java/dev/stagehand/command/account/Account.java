package dev.stagehand.command.account;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;
import static org.axonframework.modelling.command.AggregateLifecycle.markDeleted;

import dev.stagehand.api.account.AccountDeleted;
import dev.stagehand.api.account.AccountId;
import dev.stagehand.api.account.AccountRegistered;
import dev.stagehand.api.account.AccountRenamed;
import dev.stagehand.api.account.ApiTokenCreated;
import dev.stagehand.api.account.ApiTokenRevoked;
import dev.stagehand.api.account.CreateApiToken;
import dev.stagehand.api.account.DeleteAccount;
import dev.stagehand.api.account.DisplayNames;
import dev.stagehand.api.account.ExternalIdentity;
import dev.stagehand.api.account.GrantOperatorRole;
import dev.stagehand.api.account.IdentityLinked;
import dev.stagehand.api.account.IdentityUnlinked;
import dev.stagehand.api.account.LinkIdentity;
import dev.stagehand.api.account.OperatorRoleGranted;
import dev.stagehand.api.account.PersonalData;
import dev.stagehand.api.account.Provider;
import dev.stagehand.api.account.RegisterAccount;
import dev.stagehand.api.account.RenameAccount;
import dev.stagehand.api.account.RenewTwitchAuthorization;
import dev.stagehand.api.account.ReportTwitchAuthorizationLost;
import dev.stagehand.api.account.RevokeApiToken;
import dev.stagehand.api.account.TwitchAuthorizationLost;
import dev.stagehand.api.account.TwitchAuthorizationRenewed;
import dev.stagehand.api.account.UnlinkIdentity;
import dev.stagehand.api.common.RuleViolation;
import dev.stagehand.api.common.SecretId;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

@Aggregate
class Account {

    static final int API_TOKENS = 20;
    static final int API_TOKEN_NAME_LENGTH = 60;

    @AggregateIdentifier
    private AccountId accountId;
    private String displayName;
    private boolean operator;
    /** The provider's user id of each linked identity. */
    private final Map<Provider, String> identities = new EnumMap<>(Provider.class);
    private SecretId twitchToken;
    private boolean twitchAuthorizationLost;
    private final Set<String> apiTokens = new HashSet<>();

    Account() {
        // for Axon, which rebuilds the account from its events
    }

    @CommandHandler
    Account(RegisterAccount command) {
        AccountId id = command.accountId();
        apply(new AccountRegistered(id, PersonalData.of(id, DisplayNames.validated(command.displayName()))));
        apply(linked(id, command.identity()));
    }

    @CommandHandler
    void handle(LinkIdentity command) {
        ExternalIdentity identity = command.identity();
        String linkedUser = identities.get(identity.provider());
        if (linkedUser != null && !linkedUser.equals(identity.userId())) {
            throw new RuleViolation("This account is already linked to another " + name(identity.provider())
                    + " identity; unlink it first");
        }
        if (linkedUser == null) {
            apply(linked(accountId, identity));
        }
    }

    @CommandHandler
    void handle(UnlinkIdentity command) {
        if (!identities.containsKey(command.provider())) {
            throw new RuleViolation("This account has no " + name(command.provider()) + " identity to unlink");
        }
        if (identities.size() == 1) {
            throw new RuleViolation("Your " + name(command.provider())
                    + " identity is your only way to log in: link another one before unlinking it");
        }
        apply(new IdentityUnlinked(accountId, command.provider()));
    }

    @CommandHandler
    void handle(RenewTwitchAuthorization command) {
        if (!identities.containsKey(Provider.TWITCH)) {
            throw new RuleViolation("This account has no Twitch identity");
        }
        if (twitchAuthorizationLost || !command.token().equals(twitchToken)) {
            apply(new TwitchAuthorizationRenewed(accountId, command.token()));
        }
    }

    @CommandHandler
    void handle(ReportTwitchAuthorizationLost command) {
        if (!twitchAuthorizationLost && command.token().equals(twitchToken)) {
            apply(new TwitchAuthorizationLost(accountId, command.token(), command.reason()));
        }
    }

    @CommandHandler
    void handle(RenameAccount command) {
        String newName = DisplayNames.validated(command.displayName());
        if (!newName.equals(displayName)) {
            apply(new AccountRenamed(accountId, PersonalData.of(accountId, newName)));
        }
    }

    @CommandHandler
    void handle(GrantOperatorRole command) {
        if (!operator) {
            apply(new OperatorRoleGranted(accountId));
        }
    }

    @CommandHandler
    void handle(CreateApiToken command) {
        String name = command.name() == null ? "" : command.name().strip();
        if (name.isEmpty() || name.length() > API_TOKEN_NAME_LENGTH) {
            throw new RuleViolation("A token's name has 1 to " + API_TOKEN_NAME_LENGTH + " characters");
        }
        if (command.admin() && !operator) {
            throw new RuleViolation("Only an operator's token may reach the operator API");
        }
        if (apiTokens.size() >= API_TOKENS) {
            throw new RuleViolation("An account has at most " + API_TOKENS + " tokens: revoke one first");
        }
        apply(new ApiTokenCreated(accountId, command.tokenId(), name, command.hash(), command.write(),
                command.admin(), command.expiresAt()));
    }

    @CommandHandler
    void handle(RevokeApiToken command) {
        if (apiTokens.contains(command.tokenId())) {
            apply(new ApiTokenRevoked(accountId, command.tokenId()));
        }
    }

    @CommandHandler
    void handle(DeleteAccount command) {
        apply(new AccountDeleted(accountId));
    }

    private static IdentityLinked linked(AccountId id, ExternalIdentity identity) {
        if (identity.provider() == Provider.TWITCH) {
            Objects.requireNonNull(identity.token(), "a Twitch identity comes with its token");
        }
        return new IdentityLinked(id, identity.provider(), PersonalData.of(id, identity.userId()),
                PersonalData.of(id, identity.login()), PersonalData.of(id, identity.displayName()), identity.token());
    }

    private static String name(Provider provider) {
        return provider == Provider.TWITCH ? "Twitch" : "Discord";
    }

    @EventSourcingHandler
    void on(AccountRegistered event) {
        accountId = event.accountId();
        displayName = event.displayName().value();
    }

    @EventSourcingHandler
    void on(IdentityLinked event) {
        identities.put(event.provider(), event.userId().value());
        if (event.provider() == Provider.TWITCH) {
            twitchToken = event.token();
            twitchAuthorizationLost = false;
        }
    }

    @EventSourcingHandler
    void on(IdentityUnlinked event) {
        identities.remove(event.provider());
        if (event.provider() == Provider.TWITCH) {
            twitchToken = null;
        }
    }

    @EventSourcingHandler
    void on(TwitchAuthorizationRenewed event) {
        twitchToken = event.token();
        twitchAuthorizationLost = false;
    }

    @EventSourcingHandler
    void on(TwitchAuthorizationLost event) {
        twitchAuthorizationLost = true;
    }

    @EventSourcingHandler
    void on(AccountRenamed event) {
        displayName = event.displayName().value();
    }

    @EventSourcingHandler
    void on(OperatorRoleGranted event) {
        operator = true;
    }

    @EventSourcingHandler
    void on(ApiTokenCreated event) {
        apiTokens.add(event.tokenId());
    }

    @EventSourcingHandler
    void on(ApiTokenRevoked event) {
        apiTokens.remove(event.tokenId());
    }

    @EventSourcingHandler
    void on(AccountDeleted event) {
        markDeleted();
    }
}
