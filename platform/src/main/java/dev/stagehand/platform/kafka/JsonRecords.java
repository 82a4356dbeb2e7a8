package dev.stagehand.platform.kafka;

import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/** The JSON values of a topic that one part of Stagehand writes, read by the parts that follow it. */
public final class JsonRecords {

    private JsonRecords() {
    }

    /** The batch's values as {@code type}, in order; a record its writer did not write is passed over. */
    public static <T> List<T> readable(List<ConsumerRecord<String, String>> batch, JsonMapper json, Class<T> type) {
        List<T> values = new ArrayList<>(batch.size());
        for (ConsumerRecord<String, String> consumed : batch) {
            try {
                values.add(json.readValue(consumed.value(), type));
            } catch (JacksonException | IllegalArgumentException unreadable) {
                // not written by the topic's one writer: nothing to act on
            }
        }
        return values;
    }
}
