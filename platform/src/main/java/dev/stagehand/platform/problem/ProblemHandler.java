package dev.stagehand.platform.problem;

import dev.stagehand.api.common.Conflict;
import dev.stagehand.api.common.NotFound;
import dev.stagehand.api.common.RuleViolation;
import dev.stagehand.platform.UnavailableException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.codec.DecodingException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.bind.support.WebExchangeBindException;
import org.springframework.web.reactive.result.method.annotation.ResponseEntityExceptionHandler;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.ServerWebInputException;
import reactor.core.publisher.Mono;

/**
 * Every error leaves the API as an RFC 7807 problem document. Spring's own exceptions (bad JSON, validation, unknown
 * routes, wrong methods) are handled by the base class; ours and Axon's are mapped here; anything unexpected is logged
 * with an id and answered without internals.
 */
@RestControllerAdvice
class ProblemHandler extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemHandler.class);

    @ExceptionHandler({RuleViolation.class, NotFound.class, NotFoundException.class, Conflict.class,
            BadGatewayException.class,
            AggregateNotFoundException.class, CommandExecutionException.class, CompletionException.class,
            ExecutionException.class, TimeoutException.class, UnavailableException.class})
    ProblemDetail handleDomain(Exception exception) {
        Throwable cause = unwrap(exception);
        if (cause instanceof RuleViolation violation) {
            return ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, violation.getMessage());
        }
        if (cause instanceof NotFoundException || cause instanceof NotFound) {
            return ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, cause.getMessage());
        }
        if (cause instanceof Conflict conflict) {
            return ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, conflict.getMessage());
        }
        if (cause instanceof BadGatewayException refused) {
            return ProblemDetail.forStatusAndDetail(HttpStatus.BAD_GATEWAY, refused.getMessage());
        }
        if (cause instanceof UnavailableException unavailable) {
            return ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE, unavailable.getMessage());
        }
        if (cause instanceof TimeoutException) {
            return ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE,
                    "Your change was recorded but is taking longer than usual to show; reload in a moment.");
        }
        if (cause instanceof AggregateNotFoundException) {
            return ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, "No such resource exists.");
        }
        return handleUnexpected(cause);
    }

    @ExceptionHandler(Exception.class)
    ProblemDetail handleUnexpected(Throwable exception) {
        String incident = UUID.randomUUID().toString();
        log.error("Unexpected error, incident {}", incident, exception);
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.INTERNAL_SERVER_ERROR,
                "Something went wrong on our side. It was logged as incident " + incident + ".");
        problem.setProperty("incident", incident);
        return problem;
    }

    @Override
    protected Mono<ResponseEntity<Object>> handleWebExchangeBindException(WebExchangeBindException exception,
            HttpHeaders headers, HttpStatusCode status, ServerWebExchange exchange) {
        Map<String, String> errors = new LinkedHashMap<>();
        exception.getFieldErrors().forEach(error -> errors.putIfAbsent(error.getField(), error.getDefaultMessage()));
        exception.getGlobalErrors().forEach(error -> errors.putIfAbsent(error.getObjectName(), error.getDefaultMessage()));
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, String.join("; ", errors.values()));
        problem.setProperty("errors", errors);
        return handleExceptionInternal(exception, problem, headers, status, exchange);
    }

    @Override
    protected Mono<ResponseEntity<Object>> handleServerWebInputException(ServerWebInputException exception,
            HttpHeaders headers, HttpStatusCode status, ServerWebExchange exchange) {
        String detail = exception.getCause() instanceof DecodingException decoding
                ? RequestBodyProblems.describe(decoding.getCause())
                : exception.getReason();
        return handleExceptionInternal(exception, ProblemDetail.forStatusAndDetail(status, detail), headers, status,
                exchange);
    }

    /** Command results arrive wrapped by futures and by Axon; the cause is what the caller needs to hear about. */
    private static Throwable unwrap(Throwable exception) {
        Throwable current = exception;
        while ((current instanceof CompletionException || current instanceof ExecutionException
                || current instanceof CommandExecutionException) && current.getCause() != null) {
            current = current.getCause();
        }
        return current;
    }
}
