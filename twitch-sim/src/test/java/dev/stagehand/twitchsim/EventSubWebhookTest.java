package dev.stagehand.twitchsim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.github.philippheuer.credentialmanager.CredentialManager;
import com.github.philippheuer.credentialmanager.CredentialManagerBuilder;
import com.github.twitch4j.auth.providers.TwitchIdentityProvider;
import com.github.twitch4j.common.util.TypeConvert;
import com.github.twitch4j.eventsub.EventSubNotification;
import com.github.twitch4j.eventsub.EventSubSubscription;
import com.github.twitch4j.eventsub.EventSubSubscriptionStatus;
import com.github.twitch4j.eventsub.EventSubTransport;
import com.github.twitch4j.eventsub.EventSubTransportMethod;
import com.github.twitch4j.eventsub.events.StreamOnlineEvent;
import com.github.twitch4j.eventsub.subscriptions.SubscriptionTypes;
import com.github.twitch4j.eventsub.util.EventSubVerifier;
import com.github.twitch4j.helix.TwitchHelix;
import com.github.twitch4j.helix.TwitchHelixBuilder;
import com.github.twitch4j.helix.domain.EventSubSubscriptionList;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * EventSub's webhook transport, received the way Twitch asks: the challenge answered, every message's signature and
 * timestamp checked with twitch4j's own verifier, and the body parsed by twitch4j.
 */
class EventSubWebhookTest {

    private static final String SECRET = "a-secret-of-our-own";
    private static final Duration WAIT = Duration.ofSeconds(15);

    private TwitchSim twitch;
    private TwitchHelix helix;
    private String appToken;
    private HttpServer callback;
    private final BlockingQueue<Received> received = new LinkedBlockingQueue<>();
    private final AtomicInteger failuresToAnswer = new AtomicInteger();

    /** A message as the callback saw it. */
    private record Received(String type, String messageId, String retry, boolean signatureValid, String body) {
    }

    @BeforeEach
    void start() throws IOException {
        twitch = TwitchSim.start(0);
        TwitchIdentityProvider identity = new TwitchIdentityProvider(TwitchSim.CLIENT_ID, TwitchSim.CLIENT_SECRET,
                "http://127.0.0.1/cb", twitch.identityUrl());
        CredentialManager credentials = CredentialManagerBuilder.builder().build();
        credentials.registerIdentityProvider(identity);
        helix = TwitchHelixBuilder.builder().withBaseUrl(twitch.helixUrl()).withClientId(TwitchSim.CLIENT_ID)
                .withClientSecret(TwitchSim.CLIENT_SECRET).withCredentialManager(credentials).build();
        appToken = identity.getAppAccessToken().getAccessToken();
        callback = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        callback.createContext("/eventsub", this::receive);
        callback.start();
    }

    private void receive(HttpExchange exchange) throws IOException {
        byte[] body = exchange.getRequestBody().readAllBytes();
        String id = exchange.getRequestHeaders().getFirst("Twitch-Eventsub-Message-Id");
        String timestamp = exchange.getRequestHeaders().getFirst("Twitch-Eventsub-Message-Timestamp");
        String signature = exchange.getRequestHeaders().getFirst("Twitch-Eventsub-Message-Signature");
        String type = exchange.getRequestHeaders().getFirst("Twitch-Eventsub-Message-Type");
        boolean valid = EventSubVerifier.verifySignature(SECRET, id, timestamp, body, signature)
                && EventSubVerifier.verifyTimestamp(timestamp);
        received.add(new Received(type, id, exchange.getRequestHeaders().getFirst("Twitch-Eventsub-Message-Retry"),
                valid, new String(body, StandardCharsets.UTF_8)));
        byte[] answer = new byte[0];
        int status = 204;
        if ("webhook_callback_verification".equals(type)) {
            answer = TypeConvert.jsonToObject(new String(body, StandardCharsets.UTF_8), EventSubNotification.class)
                    .getChallenge().getBytes(StandardCharsets.UTF_8);
            status = 200;
        } else if (failuresToAnswer.getAndDecrement() > 0) {
            status = 500;
        }
        exchange.getResponseHeaders().add("Content-Type", "text/plain");
        exchange.sendResponseHeaders(status, answer.length == 0 ? -1 : answer.length);
        exchange.getResponseBody().write(answer);
        exchange.close();
    }

    @AfterEach
    void stop() {
        callback.stop(0);
        twitch.close();
    }

    private String callbackUrl() {
        return "http://127.0.0.1:" + callback.getAddress().getPort() + "/eventsub";
    }

    @Test
    void aVerifiedCallbackReceivesSignedNotificationsTwitch4jCanRead() throws Exception {
        String streamerId = twitch.world().user("streamer").id();
        EventSubSubscription created = subscribe(streamerId, SECRET).getSubscriptions().get(0);
        assertThat(created.getStatus()).isEqualTo(EventSubSubscriptionStatus.WEBHOOK_CALLBACK_VERIFICATION_PENDING);
        assertThat(created.getCost()).isEqualTo(1);

        Received challenge = received.poll(10, TimeUnit.SECONDS);
        assertThat(challenge.type()).isEqualTo("webhook_callback_verification");
        assertThat(challenge.signatureValid()).isTrue();
        await().atMost(WAIT).until(() -> twitch.eventSub().subscriptionsTo(streamerId)
                .equals(List.of("webhook stream.online enabled")));

        twitch.world().goLive("streamer", twitch.world().game("743", "Chess"), "Blitz", 10);
        Received notification = received.poll(10, TimeUnit.SECONDS);
        assertThat(notification.type()).isEqualTo("notification");
        assertThat(notification.signatureValid()).isTrue();
        assertThat(notification.retry()).isEqualTo("0");
        StreamOnlineEvent online = (StreamOnlineEvent) TypeConvert.jsonToObject(notification.body(),
                EventSubNotification.class).getEvent();
        assertThat(online.getBroadcasterUserId()).isEqualTo(streamerId);
        assertThat(online.getId()).isEqualTo(twitch.world().liveStream(streamerId).orElseThrow().id());
        await().atMost(WAIT).until(() -> twitch.eventSub().webhookNotificationsAccepted() == 1);
    }

    @Test
    void aSignatureMadeWithAnotherSecretDoesNotVerify() throws Exception {
        subscribe(twitch.world().user("streamer").id(), "somebody-elses-secret");
        assertThat(received.poll(10, TimeUnit.SECONDS).signatureValid()).isFalse();
    }

    @Test
    void aFailingCallbackIsRetriedWithTheSameMessageIdThenLosesItsSubscription() throws Exception {
        twitch.eventSub().webhookRetries(List.of(Duration.ofMillis(100), Duration.ofMillis(100)));
        String streamerId = twitch.world().user("streamer").id();
        subscribe(streamerId, SECRET);
        received.poll(10, TimeUnit.SECONDS);
        await().atMost(WAIT).until(() -> twitch.eventSub().subscriptionsTo(streamerId).get(0).endsWith("enabled"));
        failuresToAnswer.set(3);

        twitch.world().goLive("streamer", twitch.world().game("743", "Chess"), "Blitz", 10);
        Received first = received.poll(10, TimeUnit.SECONDS);
        Received second = received.poll(10, TimeUnit.SECONDS);
        Received third = received.poll(10, TimeUnit.SECONDS);
        assertThat(List.of(first.retry(), second.retry(), third.retry())).containsExactly("0", "1", "2");
        assertThat(List.of(second.messageId(), third.messageId())).containsOnly(first.messageId());
        assertThat(received.poll(10, TimeUnit.SECONDS).type()).isEqualTo("revocation");
        assertThat(twitch.eventSub().subscriptionsTo(streamerId))
                .containsExactly("webhook stream.online notification_failures_exceeded");
    }

    @Test
    void aRevokedSubscriptionIsReportedToItsCallback() throws Exception {
        String streamerId = twitch.world().user("streamer").id();
        subscribe(streamerId, SECRET);
        received.poll(10, TimeUnit.SECONDS);
        await().atMost(WAIT).until(() -> twitch.eventSub().subscriptionsTo(streamerId).get(0).endsWith("enabled"));

        twitch.eventSub().revokeWebhooks(streamerId, "authorization_revoked");

        Received revocation = received.poll(10, TimeUnit.SECONDS);
        assertThat(revocation.type()).isEqualTo("revocation");
        assertThat(revocation.signatureValid()).isTrue();
        assertThat(TypeConvert.jsonToObject(revocation.body(), EventSubNotification.class).getSubscription()
                .getStatus()).isEqualTo(EventSubSubscriptionStatus.AUTHORIZATION_REVOKED);
        assertThat(twitch.eventSub().subscriptionsTo(streamerId))
                .containsExactly("webhook stream.online authorization_revoked");
    }

    @Test
    void aBroadcasterWhoAuthorizedTheAppCostsNothingAndBadRequestsAreRefused() {
        twitch.world().issueUserToken(TwitchSim.CLIENT_ID, "streamer", List.of());
        String streamerId = twitch.world().user("streamer").id();
        assertThat(subscribe(streamerId, SECRET).getSubscriptions().get(0).getCost()).isZero();

        assertThatThrownBy(() -> subscribe(streamerId, SECRET)).cause().hasMessageContaining("errorStatus=409");
        assertThatThrownBy(() -> subscribe(streamerId, "short")).cause().hasMessageContaining("errorStatus=400");
        String userToken = twitch.world().issueUserToken(TwitchSim.CLIENT_ID, "viewer", List.of()).accessToken();
        assertThatThrownBy(() -> helix.createEventSubSubscription(userToken, online(streamerId, SECRET)).execute())
                .cause().hasMessageContaining("errorStatus=400");
    }

    @Test
    void listsAnAppsSubscriptionsPageByPage() {
        for (int i = 0; i < 150; i++) {
            subscribe(twitch.world().user("streamer" + i).id(), SECRET);
        }
        EventSubSubscriptionList first = helix.getEventSubSubscriptions(appToken, null, null, null, null, 100)
                .execute();
        assertThat(first.getSubscriptions()).hasSize(100);
        assertThat(first.getTotalCost()).isEqualTo(150);
        EventSubSubscriptionList second = helix.getEventSubSubscriptions(appToken, null, null, null,
                first.getPagination().getCursor(), 100).execute();
        assertThat(second.getSubscriptions()).hasSize(50);
        assertThat(second.getPagination().getCursor()).isNull();
    }

    private EventSubSubscriptionList subscribe(String broadcasterId, String secret) {
        return helix.createEventSubSubscription(appToken, online(broadcasterId, secret)).execute();
    }

    private EventSubSubscription online(String broadcasterId, String secret) {
        return SubscriptionTypes.STREAM_ONLINE.prepareSubscription(b -> b.broadcasterUserId(broadcasterId).build(),
                EventSubTransport.builder().method(EventSubTransportMethod.WEBHOOK).callback(callbackUrl())
                        .secret(secret).build());
    }
}
