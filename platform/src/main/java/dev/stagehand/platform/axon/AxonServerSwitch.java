package dev.stagehand.platform.axon;

import java.util.Map;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.util.StringUtils;

/**
 * Axon Server is used exactly when {@code AXON_SERVER_ADDRESS} is set (host:port, comma-separated for a cluster);
 * otherwise the event store stays in PostgreSQL. Added with the lowest precedence, so an explicit
 * {@code axon.axonserver.*} setting still wins.
 */
class AxonServerSwitch implements EnvironmentPostProcessor {

    static final String ADDRESS = "AXON_SERVER_ADDRESS";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        String address = environment.getProperty(ADDRESS);
        Map<String, Object> settings = StringUtils.hasText(address)
                ? Map.of("axon.axonserver.enabled", true, "axon.axonserver.servers", address)
                : Map.of("axon.axonserver.enabled", false);
        environment.getPropertySources().addLast(new MapPropertySource("stagehandAxonServerSwitch", settings));
    }
}
