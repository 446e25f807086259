package dev.pairwise.app.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.web.access.AccessDeniedHandler;

/** Answers an authenticated API call that lacks the role with 403 and a JSON body. */
final class JsonAccessDeniedHandler implements AccessDeniedHandler {

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response,
            AccessDeniedException accessDeniedException) throws IOException {
        JsonErrors.write(response, HttpServletResponse.SC_FORBIDDEN, "forbidden",
                "Your account lacks the role this endpoint needs.");
    }
}
