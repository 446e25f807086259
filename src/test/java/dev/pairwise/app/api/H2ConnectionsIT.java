package dev.pairwise.app.api;

import org.springframework.boot.test.context.SpringBootTest;

/**
 * {@link ConnectionsScenarios} on the embedded default database, H2 in PostgreSQL mode, with no
 * key configured: the encryption key is generated into a key file, as on a first start.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.url=jdbc:h2:mem:connections;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;"
                + "DB_CLOSE_DELAY=-1",
        "pairwise.demo.enabled=false",
        "pairwise.connections.key-file=${java.io.tmpdir}/pairwise-h2-connections-it/connections.key"})
class H2ConnectionsIT extends ConnectionsScenarios {
}
