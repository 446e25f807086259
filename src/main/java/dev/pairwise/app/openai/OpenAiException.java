package dev.pairwise.app.openai;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;

/**
 * A refusal of the {@code /v1} endpoint, answered in OpenAI's error shape
 * ({@code {"error":{"message","type","param","code"}}}) by {@link OpenAiErrorResolver}. The types
 * and codes are the ones OpenAI's API uses for the same cases, so clients that branch on them
 * (retry on {@code rate_limit_exceeded}, say) behave as they do against OpenAI.
 */
final class OpenAiException extends RuntimeException {

    private final HttpStatus status;
    private final String type;
    private final @Nullable String param;
    private final @Nullable String code;
    private final long retryAfterSeconds;

    OpenAiException(HttpStatus status, String type, @Nullable String param, @Nullable String code, String message,
                    long retryAfterSeconds) {
        super(message);
        this.status = status;
        this.type = type;
        this.param = param;
        this.code = code;
        this.retryAfterSeconds = retryAfterSeconds;
    }

    /** 400: {@code param} holds a value we cannot take. */
    static OpenAiException invalid(String param, String message) {
        return new OpenAiException(HttpStatus.BAD_REQUEST, "invalid_request_error", param, "invalid_value", message, 0);
    }

    /** 400: {@code param} holds a value of the wrong JSON type. */
    static OpenAiException wrongType(String param, String expected) {
        return new OpenAiException(HttpStatus.BAD_REQUEST, "invalid_request_error", param, "invalid_type",
                "Invalid type for '" + param + "': expected " + expected + ".", 0);
    }

    /** 400: a required parameter is missing. */
    static OpenAiException missing(String param) {
        return new OpenAiException(HttpStatus.BAD_REQUEST, "invalid_request_error", param,
                "missing_required_parameter", "Missing required parameter: '" + param + "'.", 0);
    }

    /** 400: the conversation does not fit the model's context window. */
    static OpenAiException tooLong(String message) {
        return new OpenAiException(HttpStatus.BAD_REQUEST, "invalid_request_error", "messages",
                "context_length_exceeded", message, 0);
    }

    /** 404: no servable checkpoint has this id. */
    static OpenAiException modelNotFound(String model, String why) {
        return new OpenAiException(HttpStatus.NOT_FOUND, "invalid_request_error", "model", "model_not_found",
                "The model '" + model + "' " + why + ". GET /v1/models lists the models served here.", 0);
    }

    /** 429: every generator is busy and the queue is full. */
    static OpenAiException busy(long retryAfterSeconds) {
        return new OpenAiException(HttpStatus.TOO_MANY_REQUESTS, "rate_limit_error", null, "rate_limit_exceeded",
                "The server is busy: every generator is working and the queue is full. Retry after "
                        + retryAfterSeconds + " s.", retryAfterSeconds);
    }

    HttpStatus status() {
        return status;
    }

    String type() {
        return type;
    }

    @Nullable String param() {
        return param;
    }

    @Nullable String code() {
        return code;
    }

    /** Seconds for {@code Retry-After}; 0 when the answer carries none. */
    long retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
