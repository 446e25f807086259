package dev.pairwise.app.security;

import dev.pairwise.app.demo.DemoProperties;
import dev.pairwise.labeling.account.Role;
import java.util.EnumSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Component;

/**
 * Outside demo mode, the first start on an empty database creates the account {@code admin} with
 * a random password and prints it once in the log: no well-known default password ever exists.
 */
@Component
@Order(10)
class FirstStartAdmin implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(FirstStartAdmin.class);

    private final AccountAdminService accounts;
    private final DemoProperties demo;

    FirstStartAdmin(AccountAdminService accounts, DemoProperties demo) {
        this.accounts = accounts;
        this.demo = demo;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (demo.enabled() || !accounts.isEmpty()) {
            return;
        }
        String password = AccountAdminService.randomPassword();
        try {
            accounts.ensureAccount("admin", "Administrator", password, EnumSet.of(Role.ADMIN, Role.RESEARCHER));
        } catch (DataIntegrityViolationException e) {
            // another instance starting on the same empty database created it a moment ago
            log.info("Account 'admin' was just created by another instance; its password is in that instance's log");
            return;
        }
        log.warn("""

                ==================================================================
                 First start: created account 'admin' with password {}
                 This is shown only once. Sign in and change it under My account.
                ==================================================================""", password);
    }
}
