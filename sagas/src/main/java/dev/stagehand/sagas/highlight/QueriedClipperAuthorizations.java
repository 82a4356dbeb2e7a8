package dev.stagehand.sagas.highlight;

import dev.stagehand.api.account.FindTwitchAuthorization;
import dev.stagehand.api.account.TwitchAuthorization;
import dev.stagehand.api.common.SecretId;
import java.util.Optional;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.stereotype.Component;

/** {@link ClipperAuthorizations} from the accounts' read model. */
@Component
class QueriedClipperAuthorizations implements ClipperAuthorizations {

    private final QueryGateway queries;

    QueriedClipperAuthorizations(QueryGateway queries) {
        this.queries = queries;
    }

    @Override
    public Optional<SecretId> tokenOf(String twitchUserId) {
        return queries.query(new FindTwitchAuthorization(twitchUserId),
                        ResponseTypes.optionalInstanceOf(TwitchAuthorization.class)).join()
                .map(TwitchAuthorization::token);
    }
}
