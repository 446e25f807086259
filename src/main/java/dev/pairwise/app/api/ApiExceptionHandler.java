package dev.pairwise.app.api;

import dev.pairwise.app.UnexpectedErrors;
import dev.pairwise.app.security.SignInThrottledException;
import dev.pairwise.labeling.ConflictException;
import dev.pairwise.labeling.InvalidInputException;
import dev.pairwise.labeling.NotAllowedException;
import dev.pairwise.labeling.NotFoundException;
import dev.pairwise.labeling.importing.ImportRejectedException;
import java.util.Map;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.InsufficientAuthenticationException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.web.ErrorResponse;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.support.MissingServletRequestPartException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.exc.MismatchedInputException;

/**
 * Errors of the REST API as RFC 9457 problem details ({@code application/problem+json}), each
 * input error with a {@code field} property naming the input at fault. It answers for every
 * handler, not only this package's controllers: Spring MVC's own refusals that come before any
 * controller (an unknown path, a method or media type no endpoint takes, an upload over the
 * limit), the actuator's, and the security layer's (401, 403, 429), which its entry point and
 * access-denied handler hand over to Spring MVC's exception resolvers. So an API client meets one
 * error shape, and no message names a Java class.
 */
@RestControllerAdvice
class ApiExceptionHandler {

    private final ApiLimits limits;

    ApiExceptionHandler(ApiLimits limits) {
        this.limits = limits;
    }

    /** One wrong field, or several: then {@code errors} lists each as {@code {field, detail}}. */
    @ExceptionHandler(InvalidInputException.class)
    ProblemDetail invalid(InvalidInputException e) {
        ProblemDetail p = problem(HttpStatus.BAD_REQUEST, "Invalid input", e.getMessage(), e.field());
        if (e.errors().size() > 1) {
            p.setProperty("errors", e.errors().entrySet().stream()
                    .map(f -> Map.of("field", f.getKey(), "detail", f.getValue())).toList());
        }
        return p;
    }

    @ExceptionHandler(NotFoundException.class)
    ProblemDetail notFound(NotFoundException e) {
        return problem(HttpStatus.NOT_FOUND, "Not found", e.getMessage(), e.field());
    }

    @ExceptionHandler(ConflictException.class)
    ProblemDetail conflict(ConflictException e) {
        return problem(HttpStatus.CONFLICT, "Conflict", e.getMessage(), e.field());
    }

    @ExceptionHandler(NotAllowedException.class)
    ProblemDetail notAllowed(NotAllowedException e) {
        return problem(HttpStatus.FORBIDDEN, "Forbidden", e.getMessage(), null);
    }

    /** Bad lines of an import: nothing was stored; {@code errors} lists line and reason. */
    @ExceptionHandler(ImportRejectedException.class)
    ProblemDetail rejected(ImportRejectedException e) {
        ProblemDetail p = problem(HttpStatus.BAD_REQUEST, "Import rejected", e.getMessage(), "file");
        p.setProperty("errorCount", e.errorCount());
        p.setProperty("errors", e.errors());
        return p;
    }

    /** No credentials, wrong ones, a revoked token, a disabled account: 401, saying how to sign in. */
    @ExceptionHandler(AuthenticationException.class)
    ResponseEntity<ProblemDetail> unauthenticated(AuthenticationException e) {
        String detail = e instanceof InsufficientAuthenticationException
                ? "Sign in with HTTP basic or send 'Authorization: Bearer <api token>'."
                : "The username and password, or the API token, were not accepted.";
        return ResponseEntity.status(HttpStatus.UNAUTHORIZED)
                .header(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"pairwise\", Bearer")
                .body(problem(HttpStatus.UNAUTHORIZED, "Unauthorized", detail, null));
    }

    /** Too many failed sign-ins for the account or from the address: 429, and when to retry. */
    @ExceptionHandler(SignInThrottledException.class)
    ResponseEntity<ProblemDetail> throttled(SignInThrottledException e) {
        return retryLater(HttpStatus.TOO_MANY_REQUESTS, "Too many failed sign-ins", e.getMessage(),
                e.retryAfterSeconds());
    }

    /** A labeling call that waited too long for its turn ({@link LabelingAdmission}): 503, and when to retry. */
    @ExceptionHandler(LabelingBusyException.class)
    ResponseEntity<ProblemDetail> busy(LabelingBusyException e) {
        return retryLater(HttpStatus.SERVICE_UNAVAILABLE, "Busy", e.getMessage(), e.retryAfterSeconds());
    }

    /** A refusal that passes with time: {@code Retry-After} and {@code retryAfterSeconds} say when. */
    private static ResponseEntity<ProblemDetail> retryLater(HttpStatus status, String title, String detail,
                                                            long retryAfterSeconds) {
        ProblemDetail p = problem(status, title, detail, null);
        p.setProperty("retryAfterSeconds", retryAfterSeconds);
        return ResponseEntity.status(status).header(HttpHeaders.RETRY_AFTER, Long.toString(retryAfterSeconds)).body(p);
    }

    /** Signed in, but without the role (a route rule or a {@code @PreAuthorize} gate). */
    @ExceptionHandler(AccessDeniedException.class)
    ProblemDetail forbidden(AccessDeniedException e) {
        return problem(HttpStatus.FORBIDDEN, "Forbidden", "Your account lacks the role this endpoint needs.", null);
    }

    /** A request body over its limit: raw ({@link RequestBodyLimit}) or a multipart upload. */
    @ExceptionHandler({BodyTooLargeException.class, MaxUploadSizeExceededException.class})
    ProblemDetail tooLarge(Exception e) {
        long limit = BodyTooLargeException.in(e).map(BodyTooLargeException::limit)
                .orElse(limits.maxImportBytes().toBytes());
        return bodyTooLarge(limit);
    }

    private static ProblemDetail bodyTooLarge(long limit) {
        ProblemDetail p = problem(HttpStatus.CONTENT_TOO_LARGE, "Request body too large",
                "The request body is larger than the limit of " + ApiLimits.describe(limit) + " (" + limit
                        + " bytes) for this endpoint; nothing was stored.", "body");
        p.setProperty("limitBytes", limit);
        return p;
    }

    /** Malformed JSON or a value of the wrong type: the field is the JSON path Jackson reports. */
    @ExceptionHandler(HttpMessageNotReadableException.class)
    ProblemDetail unreadable(HttpMessageNotReadableException e) {
        var tooLarge = BodyTooLargeException.in(e);
        if (tooLarge.isPresent()) {
            return bodyTooLarge(tooLarge.get().limit());
        }
        String field = "body";
        String detail = "the request body is missing or not valid JSON";
        if (e.getCause() instanceof JacksonException je && !je.getPath().isEmpty()) {
            field = je.getPath().stream()
                    .map(r -> r.getPropertyName() != null ? r.getPropertyName() : "[" + r.getIndex() + "]")
                    .collect(Collectors.joining(".")).replace(".[", "[");
            detail = field + ": " + expected(je);
        }
        return problem(HttpStatus.BAD_REQUEST, "Invalid input", detail, field);
    }

    /** What the value should have been, in words: Jackson's own message names Java classes. */
    private static String expected(JacksonException e) {
        if (e instanceof InvalidFormatException bad && bad.getTargetType() != null && bad.getTargetType().isEnum()) {
            return "'" + bad.getValue() + "' is not one of "
                    + java.util.Arrays.toString(bad.getTargetType().getEnumConstants());
        }
        if (e instanceof MismatchedInputException mismatch && mismatch.getTargetType() != null) {
            return "expected " + kindOf(mismatch.getTargetType());
        }
        return "not a valid value here";
    }

    private static String kindOf(Class<?> type) {
        if (Number.class.isAssignableFrom(type) || (type.isPrimitive() && type != boolean.class)) {
            return "a number";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        if (CharSequence.class.isAssignableFrom(type) || type.isEnum()) {
            return "text";
        }
        if (type.isArray() || java.util.Collection.class.isAssignableFrom(type)) {
            return "a list";
        }
        return "an object";
    }

    /** A race lost to a unique constraint (two requests creating the same thing): retry reads the winner. */
    @ExceptionHandler(DataIntegrityViolationException.class)
    ProblemDetail integrity(DataIntegrityViolationException e) {
        return problem(HttpStatus.CONFLICT, "Conflict", "a concurrent request changed the same data; retry", null);
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ProblemDetail mismatch(MethodArgumentTypeMismatchException e) {
        String allowed = e.getRequiredType() != null && e.getRequiredType().isEnum()
                ? " (one of " + java.util.Arrays.toString(e.getRequiredType().getEnumConstants()) + ")" : "";
        return problem(HttpStatus.BAD_REQUEST, "Invalid input", invalidValue(e.getName(), e.getValue()) + allowed,
                e.getName());
    }

    /** How a path or query value that does not parse is named, by a controller's or a handler function's. */
    static String invalidValue(String name, @Nullable Object value) {
        return name + " has an invalid value '" + value + "'";
    }

    @ExceptionHandler(MissingServletRequestParameterException.class)
    ProblemDetail missingParam(MissingServletRequestParameterException e) {
        return problem(HttpStatus.BAD_REQUEST, "Invalid input", e.getParameterName() + " is required",
                e.getParameterName());
    }

    @ExceptionHandler(MissingServletRequestPartException.class)
    ProblemDetail missingPart(MissingServletRequestPartException e) {
        return problem(HttpStatus.BAD_REQUEST, "Invalid input", e.getRequestPartName() + " is required",
                e.getRequestPartName());
    }

    /**
     * Spring MVC's own refusals (404 for an unknown path, 405, 406, 415…) keep their status,
     * headers ({@code Allow}, {@code Accept}) and problem body; a body over its limit that an
     * import reader ran into is 413; anything else is unexpected: logged under an error id,
     * answered 500 with that id and no exception text.
     */
    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> unexpected(Exception e) {
        if (e instanceof ErrorResponse known) {
            return ResponseEntity.status(known.getStatusCode()).headers(known.getHeaders()).body(known.getBody());
        }
        var tooLarge = BodyTooLargeException.in(e);
        if (tooLarge.isPresent()) {
            return ResponseEntity.status(HttpStatus.CONTENT_TOO_LARGE).body(bodyTooLarge(tooLarge.get().limit()));
        }
        String id = UnexpectedErrors.report(e);
        ProblemDetail p = problem(HttpStatus.INTERNAL_SERVER_ERROR, "Internal error", UnexpectedErrors.message(id),
                null);
        p.setProperty("errorId", id);
        return ResponseEntity.internalServerError().body(p);
    }

    private static ProblemDetail problem(HttpStatus status, String title, String detail, String field) {
        ProblemDetail p = ProblemDetail.forStatusAndDetail(status, detail);
        p.setTitle(title);
        if (field != null) {
            p.setProperty("field", field);
        }
        return p;
    }
}
