package dev.stagehand.gateway.history;

import dev.stagehand.api.account.IdentityView;
import dev.stagehand.api.account.Provider;
import dev.stagehand.api.common.Conflict;
import dev.stagehand.api.history.FindChatHistoryOptOut;
import dev.stagehand.api.history.OptIntoChatHistory;
import dev.stagehand.api.history.OptOutOfChatHistory;
import dev.stagehand.gateway.account.AccountViews;
import dev.stagehand.gateway.security.CurrentAccount;
import dev.stagehand.platform.axon.Queries;
import dev.stagehand.platform.axon.ReadModelWait;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * A chatter's say over Stagehand keeping their chat: anyone who logged in with Twitch can opt out (what is stored of
 * their chat is erased, and nothing more is kept) and back in.
 */
@RestController
@RequestMapping("/api/me/chat-history")
class ChatHistoryOptOutController {

    private final AccountViews accounts;
    private final ReadModelWait wait;
    private final Queries queries;

    ChatHistoryOptOutController(AccountViews accounts, ReadModelWait wait,
                                Queries queries) {
        this.accounts = accounts;
        this.wait = wait;
        this.queries = queries;
    }

    /** @param twitchLogin the Twitch account whose chat this is about */
    record ChatHistoryChoice(String twitchLogin, boolean optedOut) {
    }

    @GetMapping
    Mono<ChatHistoryChoice> choice(CurrentAccount me) {
        return twitch(me).flatMap(twitch -> queries.one(new FindChatHistoryOptOut(twitch.userId()), Boolean.class)
                .map(optedOut -> new ChatHistoryChoice(twitch.login(), optedOut)));
    }

    @PostMapping("/opt-out")
    Mono<ChatHistoryChoice> optOut(CurrentAccount me) {
        return twitch(me).flatMap(twitch -> choose(twitch,
                new OptOutOfChatHistory(twitch.userId(), twitch.login()), true));
    }

    @DeleteMapping("/opt-out")
    Mono<ChatHistoryChoice> optIn(CurrentAccount me) {
        return twitch(me).flatMap(twitch -> choose(twitch, new OptIntoChatHistory(twitch.userId()), false));
    }

    private Mono<ChatHistoryChoice> choose(IdentityView twitch, Object command, boolean optedOut) {
        return wait.sendAndAwait(command, new FindChatHistoryOptOut(twitch.userId()),
                        ResponseTypes.instanceOf(Boolean.class), choice -> choice == optedOut)
                .map(choice -> new ChatHistoryChoice(twitch.login(), choice));
    }

    private Mono<IdentityView> twitch(CurrentAccount me) {
        return accounts.find(me.id())
                .flatMap(account -> Mono.justOrEmpty(account.identity(Provider.TWITCH)))
                .switchIfEmpty(Mono.error(() -> new Conflict("Chat is kept by Twitch account: log in with "
                        + "Twitch (or link it to this account) to choose for your chat.")));
    }
}
