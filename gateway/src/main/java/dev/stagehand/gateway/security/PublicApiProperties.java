package dev.stagehand.gateway.security;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param corsOrigins the web origins (such as {@code https://my-stream-site.example}) whose pages may read the public
 *                    APIs from the browser; none by default
 */
@ConfigurationProperties("stagehand.public-api")
record PublicApiProperties(@DefaultValue List<String> corsOrigins) {
}
