package dev.stagehand.sagas.emote;

import dev.stagehand.api.chat.ChatRecord.EmoteProvider;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** The last emote set fetched from each provider, global or per channel, kept in {@code emote_set}. */
@Component
class EmoteSets {

    static final String GLOBAL = "global";
    private static final TypeReference<List<Emote>> EMOTES = new TypeReference<>() {
    };

    private final JdbcClient jdbc;
    private final JsonMapper json;

    EmoteSets(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    void save(String scope, EmoteProvider provider, List<Emote> emotes) {
        jdbc.sql("""
                        INSERT INTO emote_set (scope, provider, emotes, fetched_at) VALUES (:scope, :provider, :emotes, now())
                        ON CONFLICT (scope, provider) DO UPDATE SET emotes = EXCLUDED.emotes, fetched_at = now()""")
            .param("scope", scope)
            .param("provider", provider.name())
            .param("emotes", json.writeValueAsString(emotes))
            .update();
    }

    List<EmoteSet> of(String scope) {
        return jdbc.sql("SELECT provider, emotes, fetched_at FROM emote_set WHERE scope = :scope ORDER BY provider")
            .param("scope", scope)
            .query((row, number) -> new EmoteSet(EmoteProvider.valueOf(row.getString("provider")),
                    json.readValue(row.getString("emotes"), EMOTES),
                    row.getTimestamp("fetched_at").toInstant()))
            .list();
    }

    Map<String, Map<EmoteProvider, List<Emote>>> all() {
        Map<String, Map<EmoteProvider, List<Emote>>> sets = new HashMap<>();
        jdbc.sql("SELECT scope, provider, emotes FROM emote_set").query().listOfRows().forEach(row ->
                sets.computeIfAbsent((String) row.get("scope"), scope -> new EnumMap<>(EmoteProvider.class))
                    .put(EmoteProvider.valueOf((String) row.get("provider")),
                         json.readValue((String) row.get("emotes"), EMOTES)));
        return sets;
    }
}
