package dev.pairwise.app.ui.jobs;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import dev.pairwise.app.corpora.CorpusStore;
import dev.pairwise.app.ui.MainLayout;
import jakarta.annotation.security.RolesAllowed;
import java.util.Locale;

/**
 * The corpus store: every uploaded or cleaned corpus with its size; a cleaned one links to its
 * cleaning report ({@link CorpusReportView}) and the CORPUS job that made it.
 */
@Route(value = "corpora", layout = MainLayout.class)
@PageTitle("Corpora · Pairwise")
@RolesAllowed({"RESEARCHER", "ADMIN"})
public class CorporaView extends Div {

    CorporaView(CorpusStore corpora) {
        addClassName("page");
        Grid<CorpusStore.CorpusFile> grid = new Grid<>();
        grid.setId("corpora-grid");
        grid.addColumn(CorpusStore.CorpusFile::name).setHeader("Name").setAutoWidth(true);
        grid.addColumn(c -> String.format(Locale.ROOT, "%,d bytes", c.bytes())).setHeader("Size").setAutoWidth(true);
        grid.addComponentColumn(c -> corpora.report("name", c.name()).isPresent()
                        ? JobsUi.testId(new Anchor("corpora/" + c.name(), "Cleaning report"), "corpus-report-" + c.name())
                        : new Span("upload"))
                .setHeader("Report").setAutoWidth(true);
        grid.setItems(corpora.list());
        grid.setAllRowsVisible(true);
        add(new H2("Corpora"), grid);
    }
}
