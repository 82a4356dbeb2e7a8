package dev.stagehand.twitchsim.http;

import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.QueryStringDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import reactor.core.publisher.Mono;
import reactor.netty.http.server.HttpServerRequest;
import reactor.netty.http.server.HttpServerResponse;
import tools.jackson.databind.json.JsonMapper;

/** JSON replies and parameter parsing shared by the simulated HTTP APIs. */
public final class Http {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private Http() {
    }

    public static String toJson(Object body) {
        return JSON.writeValueAsString(body);
    }

    public static Mono<Void> json(HttpServerResponse response, int status, Object body) {
        byte[] bytes = JSON.writeValueAsBytes(body);
        return response.status(HttpResponseStatus.valueOf(status))
                .header("Content-Type", "application/json; charset=utf-8")
                .sendByteArray(Mono.just(bytes))
                .then();
    }

    /** The request's query parameters, each name with all its values. */
    public static Map<String, List<String>> query(HttpServerRequest request) {
        return new QueryStringDecoder(request.uri()).parameters();
    }

    /** Query parameters merged with a form-encoded body: OAuth endpoints accept both. */
    public static Mono<Map<String, List<String>>> queryAndForm(HttpServerRequest request) {
        return request.receive().aggregate().asString(StandardCharsets.UTF_8).defaultIfEmpty("")
                .map(body -> {
                    Map<String, List<String>> parameters = new HashMap<>(query(request));
                    parameters.putAll(new QueryStringDecoder(body, StandardCharsets.UTF_8, false).parameters());
                    return parameters;
                });
    }

    public static String first(Map<String, List<String>> parameters, String name) {
        List<String> values = parameters.get(name);
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    public static Mono<Object> readJson(HttpServerRequest request) {
        return request.receive().aggregate().asByteArray().map(bytes -> JSON.readValue(bytes, Object.class));
    }
}
