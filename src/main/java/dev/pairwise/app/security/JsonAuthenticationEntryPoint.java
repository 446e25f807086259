package dev.pairwise.app.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.web.servlet.HandlerExceptionResolver;

/**
 * Answers an unauthenticated API or actuator call (no credentials, wrong ones, or a throttled
 * sign-in) instead of sending a login page: the exception goes to Spring MVC's exception
 * resolvers, so the API's exception handler writes the problem details (401, or 429 with
 * {@code Retry-After}) as it does for every other error.
 */
final class JsonAuthenticationEntryPoint implements AuthenticationEntryPoint {

    private final HandlerExceptionResolver problems;

    JsonAuthenticationEntryPoint(HandlerExceptionResolver problems) {
        this.problems = problems;
    }

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response,
            AuthenticationException authException) throws IOException {
        if (problems.resolveException(request, response, null, authException) == null) {
            response.sendError(HttpServletResponse.SC_UNAUTHORIZED); // no handler took it: at least the status
        }
    }
}
