package dev.stagehand.platform.secret;

import dev.stagehand.platform.embedded.EmbeddedProperties;
import dev.stagehand.secrets.MasterKey;
import dev.stagehand.secrets.PersonalDataKeys;
import dev.stagehand.secrets.PersonalDataModule;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.util.StringUtils;

@Configuration(proxyBeanMethods = false)
class SecretsConfiguration {

    @Bean
    MasterKey masterKey(SecretsProperties properties, EmbeddedProperties embedded, Environment environment) {
        if (StringUtils.hasText(properties.masterKey())) {
            return MasterKey.fromBase64(properties.masterKey());
        }
        if (StringUtils.hasText(environment.getProperty("spring.datasource.url"))) {
            throw new IllegalStateException("STAGEHAND_MASTER_KEY must be set when Stagehand uses an external "
                    + "database: every node needs the same key to read the secrets (make one with "
                    + "'openssl rand -base64 32').");
        }
        return MasterKey.loadOrCreate(embedded.dataDir().resolve("master.key"));
    }

    @Bean
    PersonalDataModule personalDataModule(PersonalDataKeys keys) {
        return new PersonalDataModule(keys);
    }
}
