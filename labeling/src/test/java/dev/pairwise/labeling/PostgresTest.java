package dev.pairwise.labeling;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.flyway.autoconfigure.FlywayMigrationStrategy;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * A labeling test against the local PostgreSQL 15 test database ({@link PostgresAvailable}).
 * The schema is dropped and migrated afresh when the context starts (Flyway clean is allowed
 * here only), so each run starts from the migrations alone.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith(PostgresAvailable.class)
@SpringBootTest(classes = {LabelingTestApplication.class, PostgresTest.CleanMigrate.class},
        webEnvironment = SpringBootTest.WebEnvironment.NONE,
        properties = {
                "spring.datasource.url=${pairwise.test.pg.url:jdbc:postgresql://localhost:5432/pairwise_test}",
                "spring.datasource.username=${pairwise.test.pg.user:pairwise}",
                "spring.datasource.password=${pairwise.test.pg.password:pairwise}",
                "spring.datasource.hikari.maximum-pool-size=12",
                "spring.jpa.hibernate.ddl-auto=validate",
                "spring.jpa.open-in-view=false",
                "spring.flyway.locations=classpath:db/migration",
                "spring.flyway.clean-disabled=false",
                "spring.main.banner-mode=off"
        })
public @interface PostgresTest {

    /** Clean, then migrate: the test database holds nothing but what the migrations make. */
    @TestConfiguration(proxyBeanMethods = false)
    class CleanMigrate {
        @Bean
        FlywayMigrationStrategy cleanThenMigrate() {
            return (Flyway flyway) -> {
                flyway.clean();
                flyway.migrate();
            };
        }
    }
}
