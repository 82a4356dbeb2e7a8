package dev.stagehand.gateway.account;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param operators identities that get the operator role when they log in, as {@code twitch:login} or
 *                  {@code discord:username} ({@code STAGEHAND_OPERATORS}, comma-separated)
 */
@ConfigurationProperties("stagehand")
record OperatorProperties(@DefaultValue List<String> operators) {
}
