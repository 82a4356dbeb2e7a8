package dev.stagehand.gateway;

import org.springframework.context.annotation.Bean;
import org.springframework.http.client.ReactorResourceFactory;

/**
 * A source for an application a test starts beside the shared test context, in the same JVM: Reactor Netty event
 * loops and connections of its own. With Spring Boot's default (the global ones), stopping it would dispose the
 * JVM's global resources under the requests of the tests running meanwhile. Not annotated, so that component scans
 * leave it alone: name it among the application's sources.
 */
public class OwnNettyResources {

    @Bean
    ReactorResourceFactory reactorResourceFactory() {
        ReactorResourceFactory resources = new ReactorResourceFactory();
        resources.setUseGlobalResources(false);
        return resources;
    }
}
