package dev.pairwise.app.security;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/** The JSON error body of the security layer: {@code {"status":401,"error":"...","message":"..."}}. */
final class JsonErrors {

    private JsonErrors() {
    }

    static void write(HttpServletResponse response, int status, String error, String message) throws IOException {
        response.setStatus(status);
        response.setContentType("application/json");
        response.setCharacterEncoding("UTF-8");
        // Fixed texts only (no user input), so plain concatenation cannot break the JSON.
        response.getWriter().write("{\"status\":" + status + ",\"error\":\"" + error
                + "\",\"message\":\"" + message.replace("\"", "'") + "\"}");
    }
}
