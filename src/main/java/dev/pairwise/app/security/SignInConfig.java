package dev.pairwise.app.security;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * The one way a password is checked, for the login form and HTTP basic alike: accounts read by
 * {@link AccountUserDetailsService}, bcrypt through the {@link PasswordEncoder} bean (with its
 * cache), behind the {@link LoginThrottle}. Spring Security builds its authentication manager from
 * this single provider bean; the account lookup is deliberately not a bean of its own, so Spring
 * does not also build an unthrottled provider from it.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(LoginThrottleSettings.class)
class SignInConfig {

    @Bean
    AuthenticationProvider passwordSignIn(JdbcClient jdbc, PasswordEncoder passwordEncoder,
            LoginThrottleSettings settings) {
        var passwords = new DaoAuthenticationProvider(new AccountUserDetailsService(jdbc));
        passwords.setPasswordEncoder(passwordEncoder);
        return new ThrottledAuthenticationProvider(passwords, new LoginThrottle(settings));
    }
}
