package dev.stagehand.platform.axon;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.PropertyAccessor;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.stagehand.secrets.PersonalDataModule;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The (Jackson 2) mapper behind Axon's serializer for events, sagas and deadlines: personal data in events is sealed
 * with its owner's key, and sagas keep their private fields.
 */
@Configuration(proxyBeanMethods = false)
class AxonSerializerConfiguration {

    @Bean("defaultAxonObjectMapper")
    ObjectMapper defaultAxonObjectMapper(PersonalDataModule personalData) {
        return new ObjectMapper()
                .findAndRegisterModules()
                .registerModule(personalData)
                .setVisibility(PropertyAccessor.FIELD, JsonAutoDetect.Visibility.ANY);
    }
}
