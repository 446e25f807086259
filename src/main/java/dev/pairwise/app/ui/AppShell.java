package dev.pairwise.app.ui;

import com.vaadin.flow.component.dependency.StyleSheet;
import com.vaadin.flow.component.page.AppShellConfigurator;
import com.vaadin.flow.component.page.Push;
import com.vaadin.flow.server.AppShellSettings;
import com.vaadin.flow.theme.lumo.Lumo;

/**
 * The page shell: Lumo and its utility classes from the Vaadin jars, then our own
 * {@code styles.css} (META-INF/resources). Plain style sheets keep the pre-compiled frontend
 * bundle usable, so building and running need no Node. Server push lets live pages (a running
 * job's charts) update without the browser asking.
 */
@Push
@StyleSheet(Lumo.STYLESHEET)
@StyleSheet(Lumo.UTILITY_STYLESHEET)
@StyleSheet("styles.css")
public class AppShell implements AppShellConfigurator {

    @Override
    public void configurePage(AppShellSettings settings) {
        settings.setPageTitle("Pairwise");
        settings.addMetaTag("description", "Rank model responses, write demonstrations, train on them.");
        settings.addLink("icon", "favicon.svg");
    }
}
