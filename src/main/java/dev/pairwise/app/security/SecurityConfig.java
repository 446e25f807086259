package dev.pairwise.app.security;

import com.vaadin.flow.spring.security.VaadinSecurityConfigurer;
import dev.pairwise.app.ui.LoginView;
import jakarta.servlet.DispatcherType;
import java.time.Duration;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.web.servlet.HandlerExceptionResolver;

/**
 * Four filter chains, tried in order:
 * <ol>
 *   <li>{@code /v1/**}: the OpenAI-compatible endpoint, bearer tokens of researchers and admins
 *       only, errors in OpenAI's shape;</li>
 *   <li>{@code /api/**}: stateless, HTTP basic or {@code Authorization: Bearer <token>}, no CSRF
 *       (no cookies are trusted there), 401/403/429 as problem details;</li>
 *   <li>{@code /actuator/**}: health and Prometheus open for probes and scrapers, the rest for
 *       admins over HTTP basic, 401/403 as problem details;</li>
 *   <li>everything else: Vaadin's configurer (form login at {@code /login}, CSRF for its own
 *       requests, view access from {@code @RolesAllowed}/{@code @PermitAll} annotations; any other
 *       path for anyone signed in, so that Vaadin answers it with its not-found view).</li>
 * </ol>
 * Passwords (form and basic) are checked by the throttled provider of {@link SignInConfig}; the
 * security layer's refusals are written by the API's exception handler, through Spring MVC's
 * {@code handlerExceptionResolver}, so every error of the API has one shape.
 * {@code @EnableMethodSecurity} lets services and controllers add {@code @PreAuthorize} gates.
 */
@Configuration
@EnableWebSecurity
@EnableMethodSecurity(jsr250Enabled = true)
class SecurityConfig {

    /**
     * {@code /v1/**}, the OpenAI-compatible endpoint: API tokens only ({@code Bearer}, as every
     * OpenAI client sends its key), for researchers and admins; stateless, no CSRF; 401/403 in
     * OpenAI's error shape (the {@code /v1} error resolver writes them). Async dispatches (a
     * completion written from its generator thread) pass: their request was authorised already.
     */
    @Bean
    @Order(0)
    SecurityFilterChain openAiFilterChain(HttpSecurity http, ApiTokenService tokens,
            @Qualifier("handlerExceptionResolver") HandlerExceptionResolver errors) throws Exception {
        var unauthorized = new JsonAuthenticationEntryPoint(errors);
        http.securityMatcher("/v1/**")
                .authorizeHttpRequests(auth -> auth
                        .dispatcherTypeMatchers(DispatcherType.ASYNC).permitAll()
                        .anyRequest().hasAnyRole("RESEARCHER", "ADMIN"))
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(csrf -> csrf.disable())
                .exceptionHandling(e -> e.authenticationEntryPoint(unauthorized)
                        .accessDeniedHandler(new JsonAccessDeniedHandler(errors)))
                .addFilterBefore(new ApiTokenAuthenticationFilter(tokens, unauthorized),
                        BasicAuthenticationFilter.class);
        return http.build();
    }

    @Bean
    @Order(1)
    SecurityFilterChain apiFilterChain(HttpSecurity http, ApiTokenService tokens,
            @Qualifier("handlerExceptionResolver") HandlerExceptionResolver problems) throws Exception {
        var unauthorized = new JsonAuthenticationEntryPoint(problems);
        http.securityMatcher("/api/**")
                .authorizeHttpRequests(auth -> auth
                        // The labeling calls are handler functions (app.api.LabelingRoutes), which
                        // carry no role annotation: their role is checked here. Every other
                        // endpoint checks its own, with @RolesAllowed or @PreAuthorize.
                        .requestMatchers(HttpMethod.POST, "/api/projects/*/tasks/next", "/api/tasks/*/judgments")
                        .hasRole("LABELER")
                        .anyRequest().authenticated())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(csrf -> csrf.disable())
                // Stateless: no saved request to replay after a sign-in, no /logout to match on
                // every call; two filters fewer on the labeling client's hot path.
                .requestCache(cache -> cache.disable())
                .logout(logout -> logout.disable())
                .httpBasic(basic -> basic.authenticationEntryPoint(unauthorized))
                .exceptionHandling(e -> e.authenticationEntryPoint(unauthorized)
                        .accessDeniedHandler(new JsonAccessDeniedHandler(problems)))
                // Not a bean: a Filter bean would also be registered for every request.
                .addFilterBefore(new ApiTokenAuthenticationFilter(tokens, unauthorized),
                        BasicAuthenticationFilter.class);
        return http.build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain actuatorFilterChain(HttpSecurity http,
            @Qualifier("handlerExceptionResolver") HandlerExceptionResolver problems) throws Exception {
        var unauthorized = new JsonAuthenticationEntryPoint(problems);
        http.securityMatcher("/actuator/**")
                .authorizeHttpRequests(auth -> auth
                        .requestMatchers("/actuator/health", "/actuator/health/**", "/actuator/prometheus",
                                "/actuator/info").permitAll()
                        .anyRequest().hasRole("ADMIN"))
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(csrf -> csrf.disable())
                .httpBasic(basic -> basic.authenticationEntryPoint(unauthorized))
                .exceptionHandling(e -> e.authenticationEntryPoint(unauthorized)
                        .accessDeniedHandler(new JsonAccessDeniedHandler(problems)));
        return http.build();
    }

    @Bean
    @Order(3)
    SecurityFilterChain vaadinFilterChain(HttpSecurity http) throws Exception {
        // Static styles of the app shell must load on the login page too.
        http.authorizeHttpRequests(auth -> auth
                .requestMatchers("/styles.css", "/lumo/**", "/aura/**", "/images/**", "/favicon.ico", "/favicon.svg").permitAll());
        // Signed in, any path reaches Vaadin's router, which answers an unknown one with its
        // not-found view (404) instead of an empty 403; views keep their own role checks.
        http.with(VaadinSecurityConfigurer.vaadin(), vaadin -> vaadin.loginView(LoginView.class)
                .anyRequest(url -> url.authenticated()));
        return http.build();
    }

    /**
     * No observation around Spring Security's filters, authentications and authorizations. The
     * property {@code management.observations.enable.spring.security=false} only turns those
     * observations into no-ops: every request still ran each filter of its chain inside a wrapper
     * that resolves one (most of the labeling API's request samples passed through it). Without
     * the wrappers the chain's share of the API's CPU fell from 11% to 8%; throughput moved less
     * than run-to-run noise. {@code http.server.requests} and the labeling timer still time every
     * request.
     */
    @Bean
    static SecurityObservationSettings securityObservationSettings() {
        return SecurityObservationSettings.noObservations();
    }

    /**
     * bcrypt with Spring's default cost (10): about 50-100 ms a check, slow enough for guessing;
     * a verified password is remembered for {@code pairwise.security.password-cache-seconds}
     * (0: never), so an HTTP basic client pays that once a minute, not on every request.
     */
    @Bean
    PasswordEncoder passwordEncoder(@Value("${pairwise.security.password-cache-seconds:60}") int cacheSeconds) {
        // 10,000 entries of ~150 bytes: far more clients than one instance serves, ~1.5 MB at most.
        return new CachingPasswordEncoder(new BCryptPasswordEncoder(), Duration.ofSeconds(cacheSeconds), 10_000);
    }
}
