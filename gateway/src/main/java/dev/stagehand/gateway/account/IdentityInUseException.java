package dev.stagehand.gateway.account;

import dev.stagehand.api.account.Provider;

/** The identity someone tried to link already belongs to another Stagehand account. */
public class IdentityInUseException extends RuntimeException {

    IdentityInUseException(Provider provider) {
        super("This " + (provider == Provider.TWITCH ? "Twitch" : "Discord")
                + " identity is already linked to another Stagehand account.");
    }
}
