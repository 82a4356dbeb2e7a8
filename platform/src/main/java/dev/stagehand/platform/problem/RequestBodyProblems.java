package dev.stagehand.platform.problem;

import java.time.temporal.Temporal;
import java.util.Arrays;
import java.util.Collection;
import java.util.stream.Collectors;
import tools.jackson.core.JacksonException;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

/** What is wrong with a request body Jackson could not read, in the request's own field names. */
final class RequestBodyProblems {

    static final String UNREADABLE = "The request body is not valid JSON of the expected shape.";

    private RequestBodyProblems() {
    }

    static String describe(Throwable cause) {
        if (cause instanceof UnrecognizedPropertyException unknown) {
            return field(unknown) + " is not a field of this request";
        }
        if (cause instanceof MismatchedInputException mismatch && !mismatch.getPath().isEmpty()
                && mismatch.getTargetType() != null) {
            return field(mismatch) + " must be " + expected(mismatch.getTargetType());
        }
        if (cause instanceof StreamReadException) {
            return "The request body is not valid JSON.";
        }
        return UNREADABLE;
    }

    /** The field's path as the request spells it: {@code settings.maxLines}, {@code roleMentions[2]}. */
    private static String field(JacksonException exception) {
        StringBuilder path = new StringBuilder();
        for (JacksonException.Reference reference : exception.getPath()) {
            if (reference.getPropertyName() != null) {
                path.append(path.isEmpty() ? "" : ".").append(reference.getPropertyName());
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.isEmpty() ? "The request body" : path.toString();
    }

    private static String expected(Class<?> type) {
        if (type == String.class || type == Character.class || type == char.class) {
            return "a string";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        if (type == Integer.class || type == int.class || type == Long.class || type == long.class
                || type == Short.class || type == short.class) {
            return "a whole number";
        }
        if (Number.class.isAssignableFrom(type) || type == double.class || type == float.class) {
            return "a number";
        }
        if (type.isEnum()) {
            return "one of " + Arrays.stream(type.getEnumConstants()).map(Object::toString)
                    .collect(Collectors.joining(", "));
        }
        if (Temporal.class.isAssignableFrom(type)) {
            return "a time such as 2026-12-05T20:00:00Z";
        }
        if (type.isArray() || Collection.class.isAssignableFrom(type)) {
            return "a list";
        }
        return "an object";
    }
}
