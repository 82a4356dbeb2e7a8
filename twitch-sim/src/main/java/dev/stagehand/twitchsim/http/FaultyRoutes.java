package dev.stagehand.twitchsim.http;

import io.netty.handler.codec.http.HttpResponseStatus;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Mono;
import reactor.netty.http.server.HttpServerRequest;
import reactor.netty.http.server.HttpServerResponse;

/** Wraps a route so that the {@link HttpFaults} in force apply to it. */
public final class FaultyRoutes {

    private final HttpFaults faults;

    public FaultyRoutes(HttpFaults faults) {
        this.faults = faults;
    }

    public BiFunction<HttpServerRequest, HttpServerResponse, Publisher<Void>> wrap(
            BiFunction<HttpServerRequest, HttpServerResponse, Mono<Void>> handler) {
        return (request, response) -> {
            Duration delay = faults.delay(request.uri());
            Optional<Integer> failure = faults.failure(request.uri());
            Mono<Void> answer = failure.isPresent()
                    ? Http.json(response, failure.get(), error(failure.get()))
                    : handler.apply(request, response);
            return delay.isZero() ? answer : Mono.delay(delay).then(answer);
        };
    }

    private static Map<String, Object> error(int status) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("error", HttpResponseStatus.valueOf(status).reasonPhrase());
        body.put("status", status);
        body.put("message", "");
        return body;
    }
}
