package dev.pairwise.app.api;

import com.zaxxer.hikari.HikariDataSource;
import dev.pairwise.labeling.LabelingConfig;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.observation.ObservationPredicate;
import jakarta.servlet.MultipartConfigElement;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.sql.SQLException;
import java.util.Map;
import javax.sql.DataSource;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.boot.webmvc.autoconfigure.WebMvcRegistrations;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.web.HttpRequestHandler;
import org.springframework.web.servlet.HandlerExceptionResolver;
import org.springframework.web.servlet.NoHandlerFoundException;
import org.springframework.web.servlet.function.HandlerFunction;
import org.springframework.web.servlet.handler.SimpleUrlHandlerMapping;
import org.springframework.web.servlet.mvc.method.annotation.ExceptionHandlerExceptionResolver;
import org.jspecify.annotations.Nullable;

/**
 * The REST API's wiring. Brings the annotation domain's services into the app
 * ({@code @SpringBootApplication} scans only {@code dev.pairwise.app}, and the REST API, like the
 * views, calls labeling services), and sets the API's edges: the request body limits
 * ({@link ApiLimits}) for raw bodies and multipart uploads alike, and a 404 for any
 * {@code /api/...} path no endpoint answers.
 */
@Configuration(proxyBeanMethods = false)
@Import(LabelingConfig.class)
@EnableConfigurationProperties({ApiLimits.class, LabelingAdmissionSettings.class})
class ApiConfig {

    /** After every endpoint mapping, before Vaadin's catch-all (which would serve its page). */
    private static final int UNKNOWN_API_PATHS_ORDER = Ordered.LOWEST_PRECEDENCE - 100;

    /** Hikari's default {@code maximumPoolSize}, for a pool that is not Hikari's (its size is unknown). */
    private static final int DEFAULT_POOL_SIZE = 10;

    /** Before Spring Security: an oversized body is refused without costing a sign-in. */
    @Bean
    FilterRegistrationBean<RequestBodyLimit> requestBodyLimit(ApiLimits limits,
            @Qualifier("handlerExceptionResolver") HandlerExceptionResolver problems) {
        var registration = new FilterRegistrationBean<>(new RequestBodyLimit(limits, problems));
        registration.addUrlPatterns("/api/*", "/v1/*"); // /v1: the OpenAI-compatible endpoint
        registration.setOrder(SecurityFilterProperties.DEFAULT_FILTER_ORDER - 1);
        return registration;
    }

    /** First, where {@code http.server.requests} would time the labeling calls: see {@link LabelingRequestTimer}. */
    @Bean
    FilterRegistrationBean<LabelingRequestTimer> labelingRequestTimer(MeterRegistry meters) {
        var registration = new FilterRegistrationBean<>(new LabelingRequestTimer(meters));
        registration.addUrlPatterns("/api/*");
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 2); // just inside the observation filter
        return registration;
    }

    /**
     * Right after the timer (which so counts the wait, as a client sees it) and before Spring
     * Security: see {@link LabelingAdmission}.
     */
    @Bean
    FilterRegistrationBean<LabelingAdmission> labelingAdmission(LabelingAdmissionSettings settings, DataSource dataSource,
            MeterRegistry meters, @Qualifier("handlerExceptionResolver") HandlerExceptionResolver problems) {
        var admission = new LabelingAdmission(settings.concurrencyOr(poolSize(dataSource)), settings.queueTimeout(),
                problems).withMetrics(meters);
        var registration = new FilterRegistrationBean<>(admission);
        registration.addUrlPatterns("/api/*");
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 3);
        return registration;
    }

    /** The connection pool's size: Hikari's, as Spring Boot builds it (10 unless configured). */
    private static int poolSize(DataSource dataSource) {
        try {
            if (dataSource.isWrapperFor(HikariDataSource.class)) {
                return dataSource.unwrap(HikariDataSource.class).getMaximumPoolSize();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the connection pool's size", e);
        }
        return DEFAULT_POOL_SIZE;
    }

    /**
     * The API's exception handler ({@link ApiExceptionHandler}) for functional endpoints too (the
     * labeling calls, {@link LabelingRoutes}): Spring MVC applies {@code @ControllerAdvice} to a
     * controller's handler methods and to errors with no handler, not to a handler function,
     * whose bad input would otherwise get the servlet container's error page.
     */
    @Bean
    WebMvcRegistrations exceptionHandlersForHandlerFunctions() {
        return new WebMvcRegistrations() {
            @Override
            public ExceptionHandlerExceptionResolver getExceptionHandlerExceptionResolver() {
                return new ExceptionHandlerExceptionResolver() {
                    @Override
                    protected boolean shouldApplyTo(HttpServletRequest request, @Nullable Object handler) {
                        return handler instanceof HandlerFunction<?> || super.shouldApplyTo(request, handler);
                    }
                };
            }
        };
    }

    @Bean
    ObservationPredicate labelingCallsNotInHttpServerRequests() {
        return LabelingRequestTimer.notTimedHere();
    }

    /**
     * The multipart limits of the dispatcher servlet, from {@code pairwise.api.max-import-bytes}
     * (so {@code spring.servlet.multipart.max-*} are not read): an upload is an import.
     */
    @Bean
    MultipartConfigElement multipartConfig(ApiLimits limits) {
        long max = limits.maxImportBytes().toBytes();
        return new MultipartConfigElement("", max, max, 0);
    }

    /**
     * Any method on an {@code /api/...} path no endpoint maps: 404 problem details, not a Vaadin
     * page. Written through the exception resolvers with no handler, as Spring MVC's own refusals
     * are: the API's exception handler answers those for any request.
     */
    @Bean
    SimpleUrlHandlerMapping unknownApiPaths(@Qualifier("handlerExceptionResolver") HandlerExceptionResolver problems) {
        HttpRequestHandler notFound = (request, response) -> {
            var unknown = new NoHandlerFoundException(request.getMethod(), request.getRequestURI(), new HttpHeaders());
            if (problems.resolveException(request, response, null, unknown) == null) {
                response.sendError(HttpServletResponse.SC_NOT_FOUND);
            }
        };
        return new SimpleUrlHandlerMapping(Map.of("/api/**", notFound), UNKNOWN_API_PATHS_ORDER);
    }
}
