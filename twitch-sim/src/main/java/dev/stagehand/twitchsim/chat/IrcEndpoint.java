package dev.stagehand.twitchsim.chat;

import dev.stagehand.twitchsim.world.SimWorld;
import io.netty.handler.codec.http.QueryStringDecoder;
import java.util.function.BiFunction;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Mono;
import reactor.netty.http.server.HttpServerRequest;
import reactor.netty.http.server.HttpServerRoutes;
import reactor.netty.http.server.WebsocketServerSpec;
import reactor.netty.http.websocket.WebsocketInbound;
import reactor.netty.http.websocket.WebsocketOutbound;

/** Twitch chat over WebSocket ({@code wss://irc-ws.chat.twitch.tv}), one {@link IrcSession} per connection. */
public final class IrcEndpoint implements BiFunction<WebsocketInbound, WebsocketOutbound, Publisher<Void>> {

    private final SimWorld world;
    private final ChatHub hub = new ChatHub();
    private final TwitchEmotes emotes = new TwitchEmotes();
    private final SimChat chat;

    public IrcEndpoint(SimWorld world) {
        this.world = world;
        this.chat = new SimChat(world, hub, emotes);
    }

    /**
     * Serves chat at {@code /}. Browsers' clients (tmi.js) ask for the {@code irc} subprotocol and fail without it;
     * twitch4j asks for none, and Reactor Netty never calls the handler of a spec listing protocols when the client
     * requested none. So the subprotocol is offered exactly to the clients that ask for one.
     */
    public void register(HttpServerRoutes routes) {
        routes.route(request -> isChat(request) && request.requestHeaders().contains("Sec-WebSocket-Protocol"),
                        (request, response) -> response.sendWebsocket(this,
                                WebsocketServerSpec.builder().protocols("irc").build()))
                .route(IrcEndpoint::isChat, (request, response) -> response.sendWebsocket(this));
    }

    private static boolean isChat(HttpServerRequest request) {
        String path = new QueryStringDecoder(request.uri()).path();
        return (path.isEmpty() || path.equals("/"))
                && "websocket".equalsIgnoreCase(request.requestHeaders().get("Upgrade"));
    }

    public SimChat chat() {
        return chat;
    }

    @Override
    public Publisher<Void> apply(WebsocketInbound in, WebsocketOutbound out) {
        IrcSession[] holder = new IrcSession[1];
        in.withConnection(connection -> holder[0] = new IrcSession(world, hub, emotes, connection::dispose));
        IrcSession session = holder[0];
        hub.connected(session);
        Mono<Void> reading = in.aggregateFrames().receive().asString()
                .doOnNext(session::onText)
                .doFinally(signal -> session.closed())
                .then();
        Mono<Void> writing = out.sendString(session.frames()).then()
                .then(Mono.defer(out::sendClose))
                .onErrorResume(alreadyClosed -> Mono.empty());
        return Mono.when(reading, writing);
    }
}
