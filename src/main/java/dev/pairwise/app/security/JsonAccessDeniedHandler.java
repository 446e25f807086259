package dev.pairwise.app.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.web.servlet.HandlerExceptionResolver;

/**
 * Answers an authenticated API or actuator call that lacks the role: 403 problem details, written
 * by the API's exception handler through Spring MVC's exception resolvers.
 */
final class JsonAccessDeniedHandler implements AccessDeniedHandler {

    private final HandlerExceptionResolver problems;

    JsonAccessDeniedHandler(HandlerExceptionResolver problems) {
        this.problems = problems;
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response,
            AccessDeniedException accessDeniedException) throws IOException {
        if (problems.resolveException(request, response, null, accessDeniedException) == null) {
            response.sendError(HttpServletResponse.SC_FORBIDDEN); // no handler took it: at least the status
        }
    }
}
