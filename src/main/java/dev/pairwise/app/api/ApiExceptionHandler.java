package dev.pairwise.app.api;

import dev.pairwise.app.UnexpectedErrors;
import dev.pairwise.labeling.ConflictException;
import dev.pairwise.labeling.InvalidInputException;
import dev.pairwise.labeling.NotAllowedException;
import dev.pairwise.labeling.NotFoundException;
import dev.pairwise.labeling.importing.ImportRejectedException;
import java.util.stream.Collectors;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.web.ErrorResponse;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.support.MissingServletRequestPartException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.exc.MismatchedInputException;

/**
 * Errors of the REST API as RFC 9457 problem details ({@code application/problem+json}), each
 * with a {@code field} property naming the input at fault. 401 and 403 belong to the security
 * layer, which answers them.
 */
@RestControllerAdvice(basePackageClasses = ApiExceptionHandler.class)
class ApiExceptionHandler {

    @ExceptionHandler(InvalidInputException.class)
    ProblemDetail invalid(InvalidInputException e) {
        return problem(HttpStatus.BAD_REQUEST, "Invalid input", e.getMessage(), e.field());
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

    /** Malformed JSON or a value of the wrong type: the field is the JSON path Jackson reports. */
    @ExceptionHandler(HttpMessageNotReadableException.class)
    ProblemDetail unreadable(HttpMessageNotReadableException e) {
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
        return problem(HttpStatus.BAD_REQUEST, "Invalid input",
                e.getName() + " has an invalid value '" + e.getValue() + "'" + allowed, e.getName());
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
     * Spring MVC's own refusals (405, 406, 413, 415, an unknown path…) keep their status and
     * problem body; anything else is unexpected: logged under an error id, answered 500 with
     * that id and no exception text.
     */
    @ExceptionHandler(Exception.class)
    ProblemDetail unexpected(Exception e) throws Exception {
        if (e instanceof AccessDeniedException || e instanceof AuthenticationException) {
            throw e; // the security layer answers these (403, 401)
        }
        if (e instanceof ErrorResponse known) {
            return known.getBody();
        }
        String id = UnexpectedErrors.report(e);
        ProblemDetail p = problem(HttpStatus.INTERNAL_SERVER_ERROR, "Internal error", UnexpectedErrors.message(id),
                null);
        p.setProperty("errorId", id);
        return p;
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
