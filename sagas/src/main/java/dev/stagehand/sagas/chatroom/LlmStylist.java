package dev.stagehand.sagas.chatroom;

import dev.stagehand.api.chatroom.RoomStyle;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.databind.json.JsonMapper;

/**
 * Styles room messages with a small model behind an OpenAI-compatible chat completions endpoint. A room's messages go
 * in batches (numbered lines in, numbered lines out), several requests at once up to a limit; whatever has not come
 * back within the latency budget, or comes back broken, or cannot be asked (too many requests under way, the circuit
 * breaker open after repeated failures), is styled by the rules instead, with the reason kept beside it.
 */
final class LlmStylist implements Stylist {

    /** A numbered line as small models write them: {@code 1. …}, {@code 2) …}, {@code **3.** …}. */
    private static final Pattern NUMBERED = Pattern.compile("^\\s*(?:\\*\\*)?(\\d+)[.):](?:\\*\\*)?\\s*(.+)$",
            Pattern.MULTILINE);
    private static final int LONGEST = 1_000;

    private final LlmProperties settings;
    private final RuleStylist rules;
    private final JsonMapper json;
    private final HttpClient http;
    private final Semaphore inFlight;
    private final CircuitBreaker breaker;

    LlmStylist(LlmProperties settings, RuleStylist rules, JsonMapper json) {
        this.settings = settings;
        this.rules = rules;
        this.json = json;
        this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        this.inFlight = new Semaphore(settings.maxConcurrency());
        this.breaker = new CircuitBreaker(settings.breakerFailures(), settings.breakerOpen(), Clock.systemUTC());
    }

    /** A batch, and the model's answer to come, or why it was not asked. */
    private record Asked(List<String> texts, CompletableFuture<Map<Integer, String>> answer, String notAsked) {
    }

    @Override
    public List<Styled> restyle(RoomStyle style, List<String> texts) {
        long deadline = System.nanoTime() + settings.budget().toNanos();
        List<Asked> batches = new ArrayList<>();
        for (int from = 0; from < texts.size(); from += settings.batchSize()) {
            batches.add(ask(style, texts.subList(from, Math.min(texts.size(), from + settings.batchSize()))));
        }
        List<Styled> styled = new ArrayList<>(texts.size());
        for (Asked batch : batches) {
            styled.addAll(collect(style, batch, deadline));
        }
        return styled;
    }

    private Asked ask(RoomStyle style, List<String> texts) {
        if (!breaker.allow()) {
            return new Asked(texts, null, "the model kept failing; it is left alone until " + breaker.openUntil());
        }
        if (!inFlight.tryAcquire()) {
            breaker.notTried();
            return new Asked(texts, null, "the model is busy (" + settings.maxConcurrency() + " requests under way)");
        }
        CompletableFuture<Map<Integer, String>> answer = http.sendAsync(request(style, texts),
                        HttpResponse.BodyHandlers.ofString())
                .thenApply(this::lines)
                .whenComplete((lines, failure) -> {
                    inFlight.release();
                    if (failure == null) {
                        breaker.succeeded();
                    } else {
                        breaker.failed();
                    }
                });
        return new Asked(texts, answer, null);
    }

    private HttpRequest request(RoomStyle style, List<String> texts) {
        StringBuilder numbered = new StringBuilder();
        for (int i = 0; i < texts.size(); i++) {
            numbered.append(i + 1).append(". ").append(texts.get(i).replaceAll("\\s+", " ")).append('\n');
        }
        Map<String, Object> body = Map.of("model", settings.model(), "temperature", 0.7, "stream", false,
                "max_tokens", 80 * texts.size(), "messages", List.of(
                        Map.of("role", "system", "content", style.prompt() + "\n\nYou get numbered chat messages. "
                                + "Rewrite each one. Answer with one line per message, numbered the same way "
                                + "(\"1. …\"), and nothing else."),
                        Map.of("role", "user", "content", numbered.toString())));
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(settings.url().replaceAll("/+$", "")
                        + "/v1/chat/completions"))
                .timeout(settings.budget())
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body)));
        if (!settings.apiKey().isBlank()) {
            request.header("Authorization", "Bearer " + settings.apiKey());
        }
        return request.build();
    }

    /** The numbered lines of the model's answer. */
    private Map<Integer, String> lines(HttpResponse<String> response) {
        if (response.statusCode() != 200) {
            throw new IllegalStateException("the model answered " + response.statusCode());
        }
        String content = json.readTree(response.body()).path("choices").path(0).path("message").path("content")
                .asString("");
        Map<Integer, String> lines = new HashMap<>();
        Matcher line = NUMBERED.matcher(content);
        while (line.find()) {
            String text = unquoted(line.group(2).strip());
            lines.putIfAbsent(Integer.parseInt(line.group(1)), text.length() > LONGEST
                    ? text.substring(0, LONGEST) : text);
        }
        return lines;
    }

    /** A line the model wrapped in quotes, as Llama 3.2 often does, without them. */
    private static String unquoted(String text) {
        boolean quoted = text.length() > 1 && (text.startsWith("\"") && text.endsWith("\"")
                || text.startsWith("“") && text.endsWith("”"));
        return quoted ? text.substring(1, text.length() - 1).strip() : text;
    }

    private List<Styled> collect(RoomStyle style, Asked batch, long deadline) {
        if (batch.notAsked() != null) {
            return fallBack(style, batch.texts(), batch.notAsked());
        }
        Map<Integer, String> lines;
        try {
            lines = batch.answer().get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
        } catch (TimeoutException late) {
            return fallBack(style, batch.texts(), "the model took longer than " + settings.budget().toMillis()
                    + " ms");
        } catch (ExecutionException failed) {
            Throwable cause = failed.getCause();
            return fallBack(style, batch.texts(), cause instanceof java.net.http.HttpTimeoutException
                    ? "the model took longer than " + settings.budget().toMillis() + " ms"
                    : cause.getMessage() == null ? cause.toString() : cause.getMessage());
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            return fallBack(style, batch.texts(), "interrupted");
        }
        List<Styled> styled = new ArrayList<>(batch.texts().size());
        for (int i = 0; i < batch.texts().size(); i++) {
            String line = lines.get(i + 1);
            styled.add(line == null || line.isBlank()
                    ? fallBack(style, List.of(batch.texts().get(i)), "the model left it out").get(0)
                    : new Styled(line, settings.model(), null));
        }
        return styled;
    }

    private List<Styled> fallBack(RoomStyle style, List<String> texts, String why) {
        return rules.restyle(style, texts).stream()
                .map(styled -> new Styled(styled.text(), styled.stylist(), why)).toList();
    }
}
