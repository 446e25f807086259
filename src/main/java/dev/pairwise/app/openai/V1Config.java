package dev.pairwise.app.openai;

import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.web.HttpRequestHandler;
import org.springframework.web.servlet.HandlerExceptionResolver;
import org.springframework.web.servlet.NoHandlerFoundException;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.handler.SimpleUrlHandlerMapping;

/**
 * The {@code /v1} endpoint's edges: its settings, its error shape first among Spring MVC's
 * exception resolvers (so {@code /v1} answers OpenAI's errors, every other path the API's problem
 * details), and a 404 in that shape for any {@code /v1/...} path no endpoint answers, instead of
 * Vaadin's page. The request body limit of the API ({@code pairwise.api.max-json-bytes}) covers
 * {@code /v1} too (registered with the API's).
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(V1Settings.class)
class V1Config implements WebMvcConfigurer {

    /** After every endpoint mapping, before Vaadin's catch-all (as the API's unknown paths). */
    private static final int UNKNOWN_V1_PATHS_ORDER = Ordered.LOWEST_PRECEDENCE - 100;

    private final OpenAiErrorResolver errors = new OpenAiErrorResolver();

    @Override
    public void extendHandlerExceptionResolvers(List<HandlerExceptionResolver> resolvers) {
        resolvers.addFirst(errors);
    }

    @Bean
    SimpleUrlHandlerMapping unknownV1Paths() {
        HttpRequestHandler notFound = (request, response) -> {
            var unknown = new NoHandlerFoundException(request.getMethod(), request.getRequestURI(), new HttpHeaders());
            if (errors.resolveException(request, response, null, unknown) == null) {
                response.sendError(HttpServletResponse.SC_NOT_FOUND);
            }
        };
        return new SimpleUrlHandlerMapping(Map.of("/v1/**", notFound), UNKNOWN_V1_PATHS_ORDER);
    }
}
