package dev.stagehand.gateway.problem;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stagehand.gateway.IntegrationTest;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/** Bad requests get an RFC 7807 problem document that says what is wrong, never a stack trace or a 500. */
class ProblemDocumentTest extends IntegrationTest {

    @Test
    void malformedJson() {
        Map<String, Object> problem = expectProblem(operator().post().uri("/api/accounts")
                .contentType(MediaType.APPLICATION_JSON).bodyValue("{\"displayName\":"), HttpStatus.BAD_REQUEST);
        assertThat(problem.get("detail")).isEqualTo("The request body is not valid JSON of the expected shape.");
    }

    @Test
    void missingField() {
        Map<String, Object> problem = expectProblem(operator().post().uri("/api/accounts").bodyValue(Map.of()),
                HttpStatus.BAD_REQUEST);
        assertThat(problem.get("detail")).isEqualTo("displayName is required");
        assertThat(problem.get("errors")).isEqualTo(Map.of("displayName", "displayName is required"));
    }

    @Test
    void blankName() {
        Map<String, Object> problem = expectProblem(operator().post().uri("/api/accounts")
                .bodyValue(Map.of("displayName", "   ")), HttpStatus.BAD_REQUEST);
        assertThat(problem.get("detail")).isEqualTo("A display name cannot be empty");
    }

    @Test
    void overlongNameOnRename() {
        String id = registerAccount("Short");
        Map<String, Object> problem = expectProblem(operator().put().uri("/api/accounts/{id}/display-name", id)
                .bodyValue(Map.of("displayName", "x".repeat(500))), HttpStatus.BAD_REQUEST);
        assertThat(problem.get("detail")).isEqualTo("A display name can have at most 64 characters");
    }

    @Test
    void unknownAccount() {
        expectProblem(operator().get().uri("/api/accounts/does-not-exist"), HttpStatus.NOT_FOUND);
        expectProblem(operator().post().uri("/api/accounts/does-not-exist/operator-role"), HttpStatus.NOT_FOUND);
    }

    @Test
    void missingAndWrongTokens() {
        Map<String, Object> missing = expectProblem(anonymous().get().uri("/api/admin/processors"), HttpStatus.UNAUTHORIZED);
        assertThat((String) missing.get("detail")).contains("Authorization: Bearer");
        Map<String, Object> wrong = expectProblem(anonymous().get().uri("/api/admin/processors")
                .header(HttpHeaders.AUTHORIZATION, "Bearer guess"), HttpStatus.UNAUTHORIZED);
        assertThat(wrong.get("detail")).isEqualTo("The bearer token is not valid.");
    }

    @Test
    void unknownRouteAndWrongMethod() {
        expectProblem(operator().get().uri("/api/no-such-thing"), HttpStatus.NOT_FOUND);
        expectProblem(operator().delete().uri("/api/accounts/some-id"), HttpStatus.METHOD_NOT_ALLOWED);
    }

    @Test
    void wrongContentType() {
        expectProblem(operator().post().uri("/api/accounts").contentType(MediaType.TEXT_PLAIN).bodyValue("Ada"),
                HttpStatus.UNSUPPORTED_MEDIA_TYPE);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> expectProblem(WebTestClient.RequestHeadersSpec<?> request,
                                                     HttpStatus status) {
        Map<String, Object> problem = request.exchange()
                .expectStatus().isEqualTo(status)
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody(Map.class).returnResult().getResponseBody();
        assertThat(problem).containsEntry("status", status.value()).containsKeys("title", "detail", "instance");
        assertThat(problem.toString()).doesNotContain("Exception", "\tat ", "trace");
        return problem;
    }
}
