package dev.stagehand.gateway.stream;

import dev.stagehand.sagas.stream.EventSubWebhooks;
import dev.stagehand.sagas.stream.StreamProperties;
import dev.stagehand.sagas.twitch.TwitchEndpoints;
import java.net.URI;
import org.springframework.boot.web.server.context.WebServerInitializedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.stereotype.Component;

/**
 * Where Twitch sends this deployment's EventSub webhooks, known once the server listens: the configured public URL, or
 * in demo mode Stagehand's own loopback address (the bundled simulator runs beside it). Without either, Twitch cannot
 * reach Stagehand, and watched streamers are followed by polling and their own logins' EventSub sockets.
 */
@Component
class EventSubCallbackUrl implements ApplicationListener<WebServerInitializedEvent> {

    private final StreamProperties settings;
    private final TwitchEndpoints twitch;
    private final EventSubWebhooks webhooks;

    EventSubCallbackUrl(StreamProperties settings, TwitchEndpoints twitch, EventSubWebhooks webhooks) {
        this.settings = settings;
        this.twitch = twitch;
        this.webhooks = webhooks;
    }

    @Override
    public void onApplicationEvent(WebServerInitializedEvent event) {
        if (settings.eventsubCallback() != null) {
            webhooks.deliverTo(settings.eventsubCallback());
        } else if (twitch.simulated()) {
            webhooks.deliverTo(URI.create("http://127.0.0.1:" + event.getWebServer().getPort()
                    + EventSubCallbackController.PATH));
        }
    }
}
