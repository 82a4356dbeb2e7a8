package dev.stagehand.sagas.chatroom;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The model that styles room messages: any OpenAI-compatible chat completions server (Ollama, llama.cpp server,
 * vLLM). Without a URL, the rules style every message.
 *
 * @param url            the server's base URL, e.g. {@code http://localhost:11434} for Ollama; empty for none
 * @param model          the model's name on that server
 * @param apiKey         sent as a bearer token, when the server wants one
 * @param budget         how long a message may wait for the model before the rules style it
 * @param batchSize      messages of one room asked for in one request
 * @param maxConcurrency requests under way at once; beyond, the rules style the messages
 * @param breakerFailures failed requests in a row after which the model is left alone for {@code breakerOpen}
 */
@ConfigurationProperties("stagehand.rooms.llm")
public record LlmProperties(@DefaultValue("") String url, @DefaultValue("llama3.2:1b") String model,
                            @DefaultValue("") String apiKey, @DefaultValue("300ms") Duration budget,
                            @DefaultValue("8") int batchSize, @DefaultValue("4") int maxConcurrency,
                            @DefaultValue("5") int breakerFailures, @DefaultValue("30s") Duration breakerOpen) {

    boolean configured() {
        return !url.isBlank();
    }
}
