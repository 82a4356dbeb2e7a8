package dev.stagehand.api.channel;

import dev.stagehand.api.account.AccountId;

/** Answered with a {@code List<ChannelView>}: the channels the account subscribes, by login. */
public record FindChannelsOf(AccountId subscriber) {
}
