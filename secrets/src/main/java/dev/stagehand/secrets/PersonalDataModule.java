package dev.stagehand.secrets;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import dev.stagehand.api.account.AccountId;
import dev.stagehand.api.account.PersonalData;
import java.io.IOException;

/**
 * Teaches Axon's (Jackson 2) serializer to write {@link PersonalData} as {@code {"owner": id, "sealed": base64}}, sealed
 * with the owner's key, and to read it back, as an erased value once the owner's key is shredded.
 */
public class PersonalDataModule extends SimpleModule {

    public PersonalDataModule(PersonalDataKeys keys) {
        super("stagehand-personal-data");
        addSerializer(PersonalData.class, new StdSerializer<>(PersonalData.class) {
            @Override
            public void serialize(PersonalData data, JsonGenerator json, SerializerProvider provider)
                    throws IOException {
                json.writeStartObject();
                json.writeStringField("owner", data.owner().value());
                if (!data.erased()) {
                    json.writeBinaryField("sealed", keys.seal(data.owner(), data.value()));
                }
                json.writeEndObject();
            }
        });
        addDeserializer(PersonalData.class, new StdDeserializer<>(PersonalData.class) {
            @Override
            public PersonalData deserialize(JsonParser parser, DeserializationContext context) throws IOException {
                JsonNode node = parser.readValueAsTree();
                AccountId owner = new AccountId(node.required("owner").asText());
                JsonNode sealed = node.get("sealed");
                String value = sealed == null ? null : keys.open(owner, sealed.binaryValue()).orElse(null);
                return new PersonalData(owner, value);
            }
        });
    }
}
