package dev.pairwise.app.demo;

import dev.pairwise.app.security.AccountAdminService;
import dev.pairwise.labeling.account.Role;
import java.util.EnumSet;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * In demo mode, one account per role whose password is its name (listed on the login page).
 * Existing accounts are left as they are, so a restart changes nothing.
 */
@Component
@Order(20)
class DemoAccounts implements ApplicationRunner {

    private final AccountAdminService accounts;
    private final DemoProperties demo;

    DemoAccounts(AccountAdminService accounts, DemoProperties demo) {
        this.accounts = accounts;
        this.demo = demo;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!demo.enabled()) {
            return;
        }
        accounts.ensureAccount("labeler", "Lee Labeler", "labeler", EnumSet.of(Role.LABELER));
        accounts.ensureAccount("admin", "Ada Admin", "admin", EnumSet.of(Role.ADMIN));
        accounts.ensureAccount("researcher", "Rey Researcher", "researcher", EnumSet.of(Role.RESEARCHER));
    }
}
