package dev.stagehand.gateway.security;

import java.util.ArrayList;
import java.util.List;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/** A logged-in Stagehand account, with the roles its read model shows right now. */
final class AccountAuthentication extends AbstractAuthenticationToken {

    static final String USER = "USER";
    static final String OPERATOR = "OPERATOR";

    private final CurrentAccount account;

    AccountAuthentication(CurrentAccount account) {
        super(authorities(account));
        this.account = account;
        setAuthenticated(true);
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
