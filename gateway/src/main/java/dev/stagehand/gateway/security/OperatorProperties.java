package dev.stagehand.gateway.security;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** @param bootstrapToken a fixed bootstrap operator token; when blank, one is generated on first start */
@ConfigurationProperties("stagehand.operator")
record OperatorProperties(String bootstrapToken) {
}
