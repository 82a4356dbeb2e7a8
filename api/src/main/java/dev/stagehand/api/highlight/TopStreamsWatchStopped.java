package dev.stagehand.api.highlight;

import dev.stagehand.api.account.AccountId;
import org.axonframework.serialization.Revision;

@Revision("1")
public record TopStreamsWatchStopped(String watchId, AccountId operator) {
}
