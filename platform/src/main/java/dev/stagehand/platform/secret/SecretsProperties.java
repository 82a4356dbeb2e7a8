package dev.stagehand.platform.secret;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param masterKey base64 of 32 random bytes ({@code STAGEHAND_MASTER_KEY}); every node of a deployment needs the same.
 *                  Left blank on the embedded default, it is generated once and kept in the data directory.
 */
@ConfigurationProperties("stagehand.secrets")
record SecretsProperties(String masterKey) {
}
