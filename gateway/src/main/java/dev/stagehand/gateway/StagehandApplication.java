package dev.stagehand.gateway;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication(scanBasePackages = "dev.stagehand")
@ConfigurationPropertiesScan("dev.stagehand")
public class StagehandApplication {

    public static void main(String[] args) {
        SpringApplication.run(StagehandApplication.class, args);
    }
}
