package dev.pairwise.app.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;

/** Answers an unauthenticated API call with 401 and a small JSON body instead of a login page. */
final class JsonAuthenticationEntryPoint implements AuthenticationEntryPoint {

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response,
            AuthenticationException authException) throws IOException {
        response.setHeader("WWW-Authenticate", "Basic realm=\"pairwise\", Bearer");
        JsonErrors.write(response, HttpServletResponse.SC_UNAUTHORIZED, "unauthorized",
                "Sign in with HTTP basic or send 'Authorization: Bearer <api token>'.");
    }
}
