package dev.pairwise.app.security;

import dev.pairwise.labeling.account.Account;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.persistence.autoconfigure.EntityScan;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.data.jpa.repository.config.EnableJpaRepositories;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;

/** Accounts and API tokens over H2 + Flyway, without the web layer (no Vaadin, no filter chains). */
@SpringBootConfiguration
@EnableAutoConfiguration(excludeName = {
        "com.vaadin.flow.spring.SpringBootAutoConfiguration",
        "com.vaadin.flow.spring.SpringSecurityAutoConfiguration",
        "com.vaadin.flow.spring.VaadinApplicationConfiguration",
        "com.vaadin.flow.spring.VaadinScopesConfig",
        "com.vaadin.flow.spring.VaadinServletConfiguration"})
@EntityScan(basePackageClasses = Account.class)
@EnableJpaRepositories(basePackageClasses = Account.class)
@Import({AccountAdminService.class, ApiTokenService.class, AccountUserDetailsService.class})
class SecurityTestApplication {

    @Bean
    PasswordEncoder passwordEncoder() {
        return new BCryptPasswordEncoder(4); // the lowest cost: tests hash many passwords
    }
}
