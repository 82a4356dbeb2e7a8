package dev.stagehand.gateway;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.logging.LoggingApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.http.client.ReactorResourceFactory;

/**
 * Starts Stagehand beside the shared test context, in the same JVM, without disturbing what the JVM shares with the
 * tests running meanwhile:
 * <ul>
 * <li>Reactor Netty event loops and connections of its own: with Spring Boot's default (the global ones), stopping it
 * would dispose them under the shared context's requests;</li>
 * <li>the logging the JVM already has: Spring Boot's logging listener would reset Logback when it stops and again when
 * the next one starts, dropping the levels a test has set (a trace test's DEBUG lines).</li>
 * </ul>
 */
public final class SideApplication {

    private SideApplication() {
    }

    public static ConfigurableApplicationContext start(String... args) {
        SpringApplication application = new SpringApplication(StagehandApplication.class, OwnNettyResources.class);
        application.setListeners(application.getListeners().stream()
                .filter(listener -> !(listener instanceof LoggingApplicationListener)).toList());
        return application.run(args);
    }

    /** Not annotated, so that component scans leave it alone. */
    static class OwnNettyResources {

        @Bean
        ReactorResourceFactory reactorResourceFactory() {
            ReactorResourceFactory resources = new ReactorResourceFactory();
            resources.setUseGlobalResources(false);
            return resources;
        }
    }
}
