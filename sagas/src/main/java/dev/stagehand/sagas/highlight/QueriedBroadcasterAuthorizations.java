package dev.stagehand.sagas.highlight;

import dev.stagehand.api.account.FindTwitchAuthorization;
import dev.stagehand.api.account.TwitchAuthorization;
import dev.stagehand.api.common.SecretId;
import java.util.Optional;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.stereotype.Component;

/** {@link BroadcasterAuthorizations} from the accounts' read model. */
@Component
class QueriedBroadcasterAuthorizations implements BroadcasterAuthorizations {

    private final QueryGateway queries;

    QueriedBroadcasterAuthorizations(QueryGateway queries) {
        this.queries = queries;
    }

    @Override
    public Optional<SecretId> tokenOf(String broadcasterId) {
        return queries.query(new FindTwitchAuthorization(broadcasterId),
                        ResponseTypes.optionalInstanceOf(TwitchAuthorization.class)).join()
                .map(TwitchAuthorization::token);
    }
}
