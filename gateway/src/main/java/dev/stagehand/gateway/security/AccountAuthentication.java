package dev.stagehand.gateway.security;

import dev.stagehand.api.account.ApiTokenView;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/**
 * A Stagehand account, logged in or holding a personal API token, with the roles its read model shows right now (an
 * operator's token has the operator role only when it was made for the operator API).
 */
final class AccountAuthentication extends AbstractAuthenticationToken {

    static final String USER = "USER";
    static final String OPERATOR = "OPERATOR";

    private final CurrentAccount account;
    private final ApiTokenView token;

    AccountAuthentication(CurrentAccount account) {
        this(account, null);
    }

    /** The account, authenticated by a personal API token ({@code token}) rather than a login, when not null. */
    AccountAuthentication(CurrentAccount account, ApiTokenView token) {
        super(authorities(account));
        this.account = account;
        this.token = token;
        setAuthenticated(true);
    }

    /** The API token this request came with, or empty for a logged-in browser. */
    Optional<ApiTokenView> token() {
        return Optional.ofNullable(token);
    }

    private static List<GrantedAuthority> authorities(CurrentAccount account) {
        List<GrantedAuthority> authorities = new ArrayList<>(List.of(new SimpleGrantedAuthority("ROLE_" + USER)));
        if (account.operator()) {
            authorities.add(new SimpleGrantedAuthority("ROLE_" + OPERATOR));
        }
        return authorities;
    }

    @Override
    public CurrentAccount getPrincipal() {
        return account;
    }

    @Override
    public Object getCredentials() {
        return null;
    }
}
