package dev.stagehand.twitchsim.llm;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A local stand-in for an OpenAI-compatible chat completions server (Ollama, llama.cpp server, vLLM): {@code POST
 * /v1/chat/completions} answers each numbered line of the last user message ({@code 1. text}) with a numbered line
 * {@code 1. LLM: text}. It can be made slow or failing, and counts what it was asked.
 */
public final class LlmSim implements AutoCloseable {

    private static final Pattern NUMBERED = Pattern.compile("^(\\d+)\\.\\s?(.*)$", Pattern.MULTILINE);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpServer server;
    private final AtomicInteger failuresToCome = new AtomicInteger();
    private final List<Integer> batchSizes = new CopyOnWriteArrayList<>();
    private final List<String> authorizations = new CopyOnWriteArrayList<>();
    private volatile Duration delay = Duration.ZERO;
    private final Queue<String> scripted = new ConcurrentLinkedQueue<>();

    private LlmSim(HttpServer server) {
        this.server = server;
    }

    public static LlmSim start() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 64);
            LlmSim sim = new LlmSim(server);
            server.createContext("/v1/chat/completions", sim::complete);
            server.setExecutor(Executors.newCachedThreadPool(runnable -> {
                Thread thread = new Thread(runnable, "llm-sim");
                thread.setDaemon(true);
                return thread;
            }));
            server.start();
            return sim;
        } catch (IOException e) {
            throw new IllegalStateException("The LLM simulator could not start", e);
        }
    }

    /** Where it listens, for an OpenAI client's base URL ({@code …/v1} is added by the client). */
    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** Every answer waits this long first. */
    public void delay(Duration wait) {
        delay = wait;
    }

    /** The next request is answered with this content, as a small model may write it, instead of the echo. */
    public void answerNext(String content) {
        scripted.add(content);
    }

    /** The next {@code count} requests answer 500. */
    public void failNext(int count) {
        failuresToCome.set(count);
    }

    /** How many numbered messages each request carried, in order. */
    public List<Integer> batchSizes() {
        return List.copyOf(batchSizes);
    }

    /** The Authorization header of each request (empty when there was none). */
    public List<String> authorizations() {
        return List.copyOf(authorizations);
    }

    private void complete(HttpExchange exchange) throws IOException {
        try (exchange) {
            JsonNode request = JSON.readTree(exchange.getRequestBody().readAllBytes());
            String authorization = exchange.getRequestHeaders().getFirst("Authorization");
            authorizations.add(authorization == null ? "" : authorization);
            JsonNode messages = request.path("messages");
            String user = messages.path(messages.size() - 1).path("content").asString("");
            Matcher numbered = NUMBERED.matcher(user);
            StringBuilder answer = new StringBuilder();
            int count = 0;
            while (numbered.find()) {
                answer.append(numbered.group(1)).append(". LLM: ").append(numbered.group(2)).append('\n');
                count++;
            }
            batchSizes.add(count);
            Thread.sleep(delay.toMillis());
            if (failuresToCome.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
                respond(exchange, 500, Map.of("error", Map.of("message", "the model crashed")));
                return;
            }
            String content = Objects.requireNonNullElse(scripted.poll(), answer.toString().strip());
            // shaped as Ollama's OpenAI-compatible /v1/chat/completions answers
            respond(exchange, 200, Map.of("id", "chatcmpl-" + batchSizes.size(), "object", "chat.completion",
                    "created", Instant.now().getEpochSecond(), "model", request.path("model").asString(""),
                    "system_fingerprint", "fp_ollama",
                    "choices", List.of(Map.of("index", 0, "finish_reason", "stop",
                            "message", Map.of("role", "assistant", "content", content))),
                    "usage", Map.of("prompt_tokens", user.length() / 4, "completion_tokens", content.length() / 4,
                            "total_tokens", (user.length() + content.length()) / 4)));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void respond(HttpExchange exchange, int status, Object body) throws IOException {
        byte[] bytes = JSON.writeValueAsString(body).getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        } catch (IOException gone) {
            // the client gave up waiting
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
