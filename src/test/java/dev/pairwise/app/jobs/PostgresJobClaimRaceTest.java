package dev.pairwise.app.jobs;

import dev.pairwise.labeling.PostgresAvailable;
import dev.pairwise.labeling.PostgresTest;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;

/** {@link JobClaimRace} on PostgreSQL 15, migrated from a clean schema; skipped (or failed on CI) without it. */
@ExtendWith(PostgresAvailable.class)
@SpringBootTest(classes = {JobClaimRace.JobTablesApplication.class, PostgresTest.CleanMigrate.class},
        webEnvironment = SpringBootTest.WebEnvironment.NONE,
        properties = {
                "spring.datasource.url=${pairwise.test.pg.url:jdbc:postgresql://localhost:5432/pairwise_test}",
                "spring.datasource.username=${pairwise.test.pg.user:pairwise}",
                "spring.datasource.password=${pairwise.test.pg.password:pairwise}",
                "spring.datasource.hikari.maximum-pool-size=12",
                "spring.jpa.hibernate.ddl-auto=validate",
                "spring.flyway.locations=classpath:db/migration",
                "spring.flyway.clean-disabled=false",
                "spring.main.banner-mode=off"})
class PostgresJobClaimRaceTest extends JobClaimRace {
}
