package dev.stagehand.sagas.chatroom;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.databind.json.JsonMapper;

/** The rules alone, or a model with the rules behind it, as {@code stagehand.rooms.llm.url} says. */
@Configuration(proxyBeanMethods = false)
class StylistConfiguration {

    @Bean
    Stylist stylist(LlmProperties llm, JsonMapper json) {
        return llm.configured() ? new LlmStylist(llm, new RuleStylist(), json) : new RuleStylist();
    }
}
