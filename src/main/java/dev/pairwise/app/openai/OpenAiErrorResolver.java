package dev.pairwise.app.openai;

import dev.pairwise.app.UnexpectedErrors;
import dev.pairwise.app.api.BodyTooLargeException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.InsufficientAuthenticationException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.web.ErrorResponse;
import org.springframework.web.servlet.HandlerExceptionResolver;
import org.springframework.web.servlet.ModelAndView;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every error of a {@code /v1} request in OpenAI's shape, {@code {"error":{"message","type",
 * "param","code"}}} with the status OpenAI would send, instead of the problem details the rest
 * of the app answers: OpenAI's clients read only that shape. It sits first among Spring MVC's
 * exception resolvers ({@link V1Config}) and answers only for {@code /v1} paths, so it sees the
 * controller's refusals, Spring MVC's own (405, 404 for an unknown path, an unreadable or
 * oversized body) and the security layer's (401, 403), which the entry point and access-denied
 * handler hand to these resolvers. Anything unexpected is logged under an error id and answered
 * 500 with that id and no internals.
 */
final class OpenAiErrorResolver implements HandlerExceptionResolver {

    static final JsonMapper JSON = JsonMapper.builder().build();

    @Override
    public @Nullable ModelAndView resolveException(HttpServletRequest request, HttpServletResponse response,
                                                   @Nullable Object handler, Exception ex) {
        if (!isV1(request)) {
            return null;
        }
        if (!response.isCommitted()) {
            OpenAiException error = of(ex);
            response.setStatus(error.status().value());
            if (ex instanceof ErrorResponse known) {
                known.getHeaders().forEach((name, values) -> values.forEach(v -> response.addHeader(name, v)));
            }
            if (error.status() == HttpStatus.UNAUTHORIZED) {
                response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"pairwise\"");
            }
            if (error.retryAfterSeconds() > 0) {
                response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(error.retryAfterSeconds()));
            }
            response.setContentType(MediaType.APPLICATION_JSON_VALUE);
            response.setCharacterEncoding(StandardCharsets.UTF_8.name());
            try {
                response.getOutputStream().write(json(error));
            } catch (IOException e) {
                // The client is gone; there is nobody to tell.
            }
        }
        return new ModelAndView(); // handled: the other resolvers stay out of it
    }

    static boolean isV1(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return path.equals("/v1") || path.startsWith("/v1/");
    }

    /** The error body, as the resolver writes it and a stream sends it as its last event. */
    static byte[] json(OpenAiException e) {
        return JSON.writeValueAsBytes(new OpenAiSchema.ErrorBody(
                new OpenAiSchema.Error(e.getMessage(), e.type(), e.param(), e.code())));
    }

    /** Any failure as OpenAI would answer it. */
    static OpenAiException of(Throwable ex) {
        if (ex instanceof OpenAiException e) {
            return e;
        }
        if (ex instanceof AuthenticationException) {
            return ex instanceof InsufficientAuthenticationException
                    ? new OpenAiException(HttpStatus.UNAUTHORIZED, "invalid_request_error", null, "missing_api_key",
                            "You didn't provide an API key. Send it as 'Authorization: Bearer <api token>' "
                                    + "(tokens are made under My account, or by an admin).", 0)
                    : new OpenAiException(HttpStatus.UNAUTHORIZED, "invalid_request_error", null, "invalid_api_key",
                            "Incorrect API key provided: it is unknown, revoked, or its account is disabled.", 0);
        }
        if (ex instanceof AccessDeniedException) {
            return new OpenAiException(HttpStatus.FORBIDDEN, "invalid_request_error", null, "insufficient_permissions",
                    "Your account lacks the role /v1 needs: RESEARCHER or ADMIN.", 0);
        }
        Optional<BodyTooLargeException> tooLarge = BodyTooLargeException.in(ex);
        if (tooLarge.isPresent()) {
            return new OpenAiException(HttpStatus.CONTENT_TOO_LARGE, "invalid_request_error", null, "request_too_large",
                    "The request body is larger than the limit of " + tooLarge.get().limit()
                            + " bytes (pairwise.api.max-json-bytes).", 0);
        }
        if (ex instanceof HttpMessageNotReadableException) {
            return new OpenAiException(HttpStatus.BAD_REQUEST, "invalid_request_error", null, null,
                    "We could not parse the JSON body of your request: send a JSON object.", 0);
        }
        if (ex instanceof ErrorResponse known) {
            HttpStatus status = HttpStatus.valueOf(known.getStatusCode().value());
            String detail = known.getBody().getDetail();
            return new OpenAiException(status, status.is5xxServerError() ? "server_error" : "invalid_request_error",
                    null, null, detail != null ? detail : status.getReasonPhrase(), 0);
        }
        String id = UnexpectedErrors.report(ex);
        return new OpenAiException(HttpStatus.INTERNAL_SERVER_ERROR, "server_error", null, null,
                UnexpectedErrors.message(id), 0);
    }
}
