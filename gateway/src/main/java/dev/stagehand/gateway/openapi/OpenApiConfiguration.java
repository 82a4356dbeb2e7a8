package dev.stagehand.gateway.openapi;

import dev.stagehand.gateway.security.CurrentAccount;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import java.util.Map;
import org.springdoc.core.customizers.GlobalOpenApiCustomizer;
import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The OpenAPI document: every route of {@code /api/**} and {@code /v1.0/**} with its parameters and bodies (the
 * logged-in account a controller takes is no parameter), the problem documents any of them may answer, and the two
 * ways in: the session cookie of a login, or a personal API token as a bearer.
 */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

    private static final String PROBLEM = "Problem";
    private static final Map<String, String> PROBLEMS = Map.of(
            "400", "The request is malformed or breaks a rule; the detail says which field and why",
            "401", "No login, or an unknown, revoked or expired API token",
            "403", "Not allowed: another account's data, the operator role, a read-only token, a missing CSRF token",
            "404", "No such thing, or not this account's",
            "429", "Too many requests: see Retry-After");

    static {
        SpringDocUtils.getConfig().addRequestWrapperToIgnore(CurrentAccount.class);
    }

    @Bean
    OpenAPI stagehandApi() {
        Schema<?> problem = new ObjectSchema().description("RFC 7807 problem details")
                .addProperty("type", new StringSchema())
                .addProperty("title", new StringSchema())
                .addProperty("status", new IntegerSchema())
                .addProperty("detail", new StringSchema())
                .addProperty("instance", new StringSchema());
        return new OpenAPI()
                .info(new Info().title("Stagehand API").version("1")
                        .description("Chat overlays, go-live notifications, chat analytics, highlight clips and chat "
                                + "rooms for Twitch streamers."))
                .components(new Components().addSchemas(PROBLEM, problem)
                        .addSecuritySchemes("session", new SecurityScheme().type(SecurityScheme.Type.APIKEY)
                                .in(SecurityScheme.In.COOKIE).name("STAGEHAND_SESSION")
                                .description("A login's session; changes also need the X-XSRF-TOKEN header"))
                        .addSecuritySchemes("token", new SecurityScheme().type(SecurityScheme.Type.HTTP)
                                .scheme("bearer").description("A personal API token (sht_...) from the Account page")))
                .addSecurityItem(new SecurityRequirement().addList("session"))
                .addSecurityItem(new SecurityRequirement().addList("token"));
    }

    /** Every operation may answer a problem document for each of these statuses. */
    @Bean
    GlobalOpenApiCustomizer problemAnswers() {
        return api -> api.getPaths().values().forEach(path -> path.readOperations().forEach(operation ->
                PROBLEMS.forEach((status, description) -> operation.getResponses().putIfAbsent(status,
                        new ApiResponse().description(description).content(new Content().addMediaType(
                                "application/problem+json", new MediaType().schema(new Schema<>()
                                        .$ref("#/components/schemas/" + PROBLEM))))))));
    }
}
