package dev.stagehand.sagas.chatroom;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stagehand.api.chatroom.RoomStyle;
import dev.stagehand.api.chatroom.StyleRules;
import dev.stagehand.sagas.chatroom.Stylist.Styled;
import dev.stagehand.twitchsim.llm.LlmSim;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/** The model path against a local OpenAI-compatible server that can be slow or fail: the rules always answer in time. */
class LlmStylistTest {

    private static final RoomStyle PIRATE = new RoomStyle("Pirate", "Talk like a pirate.", new StyleRules(
            Map.of("you", "ye"), List.of("Arr!"), List.of("matey."), List.of("🦜")));

    private final LlmSim model = LlmSim.start();

    @AfterEach
    void stop() {
        model.close();
    }

    private LlmStylist stylist(Duration budget, int concurrency) {
        return new LlmStylist(new LlmProperties(model.url(), "llama3.2:1b", "sk-local", budget, 8, concurrency, 3,
                Duration.ofMinutes(1)), new RuleStylist(), JsonMapper.builder().build());
    }

    private static List<String> texts(int count) {
        return IntStream.range(0, count).mapToObj(i -> "are you there " + i).toList();
    }

    @Test
    void theModelStylesARoomsMessagesInBatchesInOrder() {
        List<Styled> styled = stylist(Duration.ofSeconds(5), 4).restyle(PIRATE, texts(10));

        assertThat(styled).extracting(Styled::text).containsExactlyElementsOf(
                IntStream.range(0, 10).mapToObj(i -> "LLM: are you there " + i).toList());
        assertThat(styled).allSatisfy(one -> {
            assertThat(one.stylist()).isEqualTo("llama3.2:1b");
            assertThat(one.fellBack()).isNull();
        });
        assertThat(model.batchSizes()).containsExactlyInAnyOrder(8, 2);
        assertThat(model.authorizations()).containsOnly("Bearer sk-local");
    }

    /** Llama 3.2 behind Ollama talks around the lines, bolds or brackets the numbers, quotes the text, skips one. */
    @Test
    void anAnswerWrittenAsLlamaWritesItIsReadLineByLine() {
        model.answerNext("""
                Here are the rewritten messages:

                **1.** "Arr, are ye there 0, matey?"
                2) Arr, are ye there 1!
                4. a line for a message that was never sent""");

        List<Styled> styled = stylist(Duration.ofSeconds(5), 4).restyle(PIRATE, texts(3));

        assertThat(styled).extracting(Styled::text).containsExactly("Arr, are ye there 0, matey?",
                "Arr, are ye there 1!", RuleStylist.restyle(PIRATE, "are you there 2"));
        assertThat(styled).extracting(Styled::fellBack).containsExactly(null, null, "the model left it out");
    }

    @Test
    void aSlowModelIsOvertakenByTheRulesWithinTheBudget() {
        model.delay(Duration.ofSeconds(2));

        List<Styled> styled = stylist(Duration.ofMillis(300), 4).restyle(PIRATE, texts(3));

        assertThat(styled).extracting(Styled::text).containsExactlyElementsOf(texts(3).stream()
                .map(text -> RuleStylist.restyle(PIRATE, text)).toList());
        assertThat(styled).allSatisfy(one -> {
            assertThat(one.stylist()).isEqualTo("rules");
            assertThat(one.fellBack()).isEqualTo("the model took longer than 300 ms");
        });
    }

    @Test
    void aFailingModelIsLeftAloneOnceTheBreakerOpens() {
        model.failNext(100);
        LlmStylist stylist = stylist(Duration.ofSeconds(5), 4);

        for (int i = 0; i < 3; i++) {
            assertThat(stylist.restyle(PIRATE, texts(1)).get(0).fellBack()).isEqualTo("the model answered 500");
        }
        Styled rested = stylist.restyle(PIRATE, texts(1)).get(0);

        assertThat(rested.fellBack()).startsWith("the model kept failing; it is left alone until");
        assertThat(rested.text()).isEqualTo(RuleStylist.restyle(PIRATE, "are you there 0"));
        assertThat(model.batchSizes()).hasSize(3);
    }

    @Test
    void beyondTheConcurrencyLimitTheRulesStyleAtOnce() {
        List<Styled> styled = stylist(Duration.ofSeconds(5), 1).restyle(PIRATE, texts(16));

        assertThat(styled.subList(0, 8)).allSatisfy(one -> assertThat(one.stylist()).isEqualTo("llama3.2:1b"));
        assertThat(styled.subList(8, 16)).allSatisfy(one -> assertThat(one.fellBack())
                .isEqualTo("the model is busy (1 requests under way)"));
    }

    @Test
    void aMessageOverSeveralLinesIsAskedAsOne() {
        List<Styled> styled = stylist(Duration.ofSeconds(5), 4).restyle(PIRATE, List.of("one", "two\nlines"));

        assertThat(styled).extracting(Styled::text).containsExactly("LLM: one", "LLM: two lines");
    }
}
