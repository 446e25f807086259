package dev.pairwise.app.jobs;

import org.springframework.boot.test.context.SpringBootTest;

/** {@link JobClaimRace} on H2 in PostgreSQL mode (the embedded default's database). */
@SpringBootTest(classes = JobClaimRace.JobTablesApplication.class, webEnvironment = SpringBootTest.WebEnvironment.NONE,
        properties = {
                "spring.datasource.url=jdbc:h2:mem:jobclaims;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;"
                        + "DEFAULT_NULL_ORDERING=HIGH;LOCK_TIMEOUT=10000;DB_CLOSE_DELAY=-1",
                "spring.datasource.hikari.maximum-pool-size=12",
                "spring.jpa.hibernate.ddl-auto=validate",
                "spring.flyway.locations=classpath:db/migration",
                "spring.main.banner-mode=off"})
class H2JobClaimRaceTest extends JobClaimRace {
}
