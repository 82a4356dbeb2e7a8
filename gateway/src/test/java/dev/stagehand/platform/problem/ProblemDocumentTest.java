package dev.stagehand.platform.problem;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stagehand.gateway.IntegrationTest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/** Bad requests get an RFC 7807 problem document that says what is wrong, never a stack trace or a 500. */
class ProblemDocumentTest extends IntegrationTest {

    private WebTestClient user;

    @BeforeEach
    void logIn() {
        user = as(twitchUser("problem_maker"));
    }

    @Test
    void malformedJson() {
        Map<String, Object> problem = expectProblem(user.put().uri("/api/me/display-name")
                .contentType(MediaType.APPLICATION_JSON).bodyValue("{\"displayName\":"), HttpStatus.BAD_REQUEST);
        assertThat(problem.get("detail")).isEqualTo("The request body is not valid JSON.");
    }

    /** No number is taken for a string or a string for a number, no fraction for a whole one, no unknown field. */
    @Test
    void bodiesAreReadStrictlyAndTheFieldAtFaultIsNamed() {
        assertThat(expectProblem(user.put().uri("/api/me/display-name").bodyValue(Map.of("displayName", 7)),
                HttpStatus.BAD_REQUEST).get("detail")).isEqualTo("displayName must be a string");
        assertThat(expectProblem(user.put().uri("/api/me/display-name")
                .bodyValue(Map.of("displayName", "Ada", "operator", true)), HttpStatus.BAD_REQUEST).get("detail"))
                .isEqualTo("operator is not a field of this request");
        assertThat(expectProblem(operator().put().uri("/api/admin/top-streams").bodyValue(Map.of("streams", 2.5)),
                HttpStatus.BAD_REQUEST).get("detail")).isEqualTo("streams must be a whole number");
        assertThat(expectProblem(operator().put().uri("/api/admin/top-streams").bodyValue(Map.of("streams", "5")),
                HttpStatus.BAD_REQUEST).get("detail")).isEqualTo("streams must be a whole number");
        assertThat(expectProblem(operator().put().uri("/api/admin/top-streams")
                .bodyValue(Map.of("streams", 5, "gameIds", List.of("509658", 7))), HttpStatus.BAD_REQUEST)
                .get("detail")).isEqualTo("gameIds[1] must be a string");
        user.get().uri("/api/me").exchange().expectStatus().isOk().expectBody().jsonPath("$.displayName")
                .value(name -> assertThat(name).isNotIn("7", "Ada"));
    }

    @Test
    void missingField() {
        Map<String, Object> problem = expectProblem(user.put().uri("/api/me/display-name").bodyValue(Map.of()),
                HttpStatus.BAD_REQUEST);
        assertThat(problem.get("detail")).isEqualTo("displayName is required");
        assertThat(problem.get("errors")).isEqualTo(Map.of("displayName", "displayName is required"));
    }

    @Test
    void blankName() {
        Map<String, Object> problem = expectProblem(user.put().uri("/api/me/display-name")
                .bodyValue(Map.of("displayName", "   ")), HttpStatus.BAD_REQUEST);
        assertThat(problem.get("detail")).isEqualTo("A display name cannot be empty");
    }

    @Test
    void overlongName() {
        Map<String, Object> problem = expectProblem(user.put().uri("/api/me/display-name")
                .bodyValue(Map.of("displayName", "x".repeat(500))), HttpStatus.BAD_REQUEST);
        assertThat(problem.get("detail")).isEqualTo("A display name can have at most 64 characters");
    }

    @Test
    void unknownProvider() {
        Map<String, Object> problem = expectProblem(user.post().uri("/api/me/identities/myspace/link"),
                HttpStatus.NOT_FOUND);
        assertThat(problem.get("detail")).isEqualTo("There is no login provider named myspace.");
    }

    @Test
    void notLoggedInOrNotAnOperator() {
        Map<String, Object> missing = expectProblem(anonymous().get().uri("/api/me"), HttpStatus.UNAUTHORIZED);
        assertThat(missing.get("detail")).isEqualTo("Log in with Twitch or Discord first.");
        Map<String, Object> denied = expectProblem(user.get().uri("/api/admin/processors"), HttpStatus.FORBIDDEN);
        assertThat(denied.get("detail")).isEqualTo("This needs the operator role.");
    }

    @Test
    void unknownRouteAndWrongMethod() {
        expectProblem(user.get().uri("/api/no-such-thing"), HttpStatus.NOT_FOUND);
        expectProblem(user.patch().uri("/api/me"), HttpStatus.METHOD_NOT_ALLOWED);
    }

    @Test
    void wrongContentType() {
        expectProblem(user.put().uri("/api/me/display-name").contentType(MediaType.TEXT_PLAIN).bodyValue("Ada"),
                HttpStatus.UNSUPPORTED_MEDIA_TYPE);
    }

    /** Paths the firewall refuses, and one longer than most clients send, still get a problem document. */
    @Test
    void refusedAndOverlongAddresses() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        for (String path : List.of("/api/%2e%2e/me", "/api/me%00", "/api/me;jsessionid=1", "/api//me",
                "/api/" + "a".repeat(5000))) {
            HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create(baseUrl() + path)).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(answer.statusCode()).as(path).isBetween(400, 499);
            assertThat(answer.headers().firstValue("Content-Type")).as(path)
                    .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
            assertThat(answer.body()).as(path).contains("\"detail\"").doesNotContain("Exception", "\tat ");
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> expectProblem(WebTestClient.RequestHeadersSpec<?> request,
                                                     HttpStatus status) {
        Map<String, Object> problem = request.exchange()
                .expectStatus().isEqualTo(status)
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody(Map.class).returnResult().getResponseBody();
        assertThat(problem).containsEntry("status", status.value()).containsKeys("title", "detail");
        assertThat(problem.toString()).doesNotContain("Exception", "\tat ", "trace");
        return problem;
    }
}
