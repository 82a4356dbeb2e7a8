package dev.stagehand.platform.embedded;

import java.io.IOException;
import java.io.UncheckedIOException;
import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.core.env.Environment;
import org.springframework.util.StringUtils;

/**
 * Begins {@link EmbeddedStarts} as soon as the application's settings are final, before Spring reads a single
 * configuration class, and hands it to the context as a bean that stops the servers when the context closes. A
 * PostgreSQL or Kafka address given in the settings means that server is not embedded.
 */
public class EmbeddedStartsInitializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        if (!(context instanceof GenericApplicationContext application)) {
            return;
        }
        Environment environment = context.getEnvironment();
        EmbeddedProperties properties = Binder.get(environment).bindOrCreate("stagehand.embedded",
                EmbeddedProperties.class);
        EmbeddedStarts starts;
        try {
            starts = EmbeddedStarts.begin(properties, blank(environment, "spring.datasource.url"),
                    blank(environment, "spring.kafka.bootstrap-servers"));
        } catch (IOException failed) {
            throw new UncheckedIOException("Cannot lock the data directory " + properties.dataDir(), failed);
        }
        // A singleton from the start, so that a context failing before any bean asked for it still stops them.
        DefaultListableBeanFactory beans = application.getDefaultListableBeanFactory();
        beans.registerSingleton("embeddedStarts", starts);
        beans.registerDisposableBean("embeddedStarts", starts::close);
    }

    private static boolean blank(Environment environment, String property) {
        return !StringUtils.hasText(environment.getProperty(property));
    }
}
