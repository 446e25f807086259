package dev.pairwise.labeling.account;

import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

/** Accounts by id and by the name people sign in with. */
public interface AccountRepository extends JpaRepository<Account, Long> {

    Optional<Account> findByUsername(String username);

    boolean existsByUsername(String username);

    /** Enabled accounts with the ADMIN role (roles is a comma-separated list of role names). */
    @Query("SELECT COUNT(a) FROM Account a WHERE a.enabled = TRUE AND a.roles LIKE '%ADMIN%'")
    long countEnabledAdmins();
}
