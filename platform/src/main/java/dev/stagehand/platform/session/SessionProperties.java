package dev.stagehand.platform.session;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** @param maxIdle how long a login lasts without a visit; every visit extends it */
@ConfigurationProperties("stagehand.session")
record SessionProperties(@DefaultValue("7d") Duration maxIdle) {
}
