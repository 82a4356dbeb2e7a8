package dev.stagehand.sagas.notification;

import dev.stagehand.api.notification.FindWebhook;
import dev.stagehand.api.notification.WebhookId;
import dev.stagehand.api.notification.WebhookView;
import dev.stagehand.secrets.SecretStore;
import java.util.Optional;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.stereotype.Component;

/** A webhook's current URL, decrypted from the secret store, and whether it is disabled, from its read model. */
@Component
class SecretWebhookTargets implements WebhookTargets {

    private final QueryGateway queries;
    private final SecretStore secrets;

    SecretWebhookTargets(QueryGateway queries, SecretStore secrets) {
        this.queries = queries;
        this.secrets = secrets;
    }

    @Override
    public Optional<Target> find(WebhookId webhookId) {
        return queries.query(new FindWebhook(webhookId), ResponseTypes.optionalInstanceOf(WebhookView.class)).join()
                .flatMap(view -> secrets.read(view.url()).map(url -> new Target(url, view.disabledReason())));
    }
}
