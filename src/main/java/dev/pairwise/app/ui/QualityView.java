package dev.pairwise.app.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.NumberField;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import dev.pairwise.app.agreement.Agreement;
import dev.pairwise.app.quality.BiasTest;
import dev.pairwise.app.quality.LabelerRow;
import dev.pairwise.app.quality.LabelersService;
import dev.pairwise.app.quality.LabelersTable;
import dev.pairwise.labeling.project.ProjectService;
import dev.pairwise.labeling.project.ProjectView;
import dev.pairwise.labeling.project.Routing;
import dev.pairwise.labeling.quality.Pauses;
import dev.pairwise.labeling.quality.QualitySettings;
import dev.pairwise.labeling.quality.QualitySettingsService;
import jakarta.annotation.security.RolesAllowed;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * Label quality of a project for admins: agreement, the quality settings (gold rate and minimum,
 * pausing, review threshold) and the labelers table with their bias tests and flags.
 */
@Route(value = "admin/quality", layout = MainLayout.class)
@PageTitle("Label quality · Pairwise")
@RolesAllowed("ADMIN")
public class QualityView extends Div {

    private final LabelersService labelers;
    private final QualitySettingsService settings;
    private final Pauses pauses;
    private final Div body = new Div();

    QualityView(LabelersService labelers, QualitySettingsService settings, Pauses pauses, ProjectService projects) {
        this.labelers = labelers;
        this.settings = settings;
        this.pauses = pauses;
        addClassName("page");
        body.setId("quality-body");
        ProjectPicker picker = new ProjectPicker(projects, "quality-project");
        picker.addValueChangeListener(e -> show(e.getValue()));
        add(new H2("Label quality"), picker, body);
        show(picker.getValue());
    }

    private void show(@Nullable ProjectView project) {
        body.removeAll();
        Ui.showsProject(body, project);
        if (project == null) {
            return;
        }
        LabelersTable table = labelers.table(project.id());
        Agreement a = table.agreement();
        Div stats = new Div(
                Ui.stat("Pairwise agreement", percent(a.pairwiseAgreement()), "quality-pairwise"),
                Ui.stat("Krippendorff's α", number(a.krippendorffAlpha()), "quality-alpha"),
                Ui.stat("Kendall's τ-b", number(a.kendallTauB()), "quality-tau"),
                Ui.stat("Units (task, pair)", Long.toString(a.units()), "quality-units"),
                Ui.stat("Labelers", Integer.toString(a.labelers()), "quality-labeler-count"));
        stats.addClassName("stats");
        body.add(new H3("Agreement"), stats, new H3("Settings"), settingsForm(project), new H3("Labelers"),
                new Paragraph("Flagged: a bias test with p < " + LabelersTable.ALPHA
                        + " after Holm's correction over the whole table, or gold accuracy below the minimum."
                        + " Position: first-shown response ranked above the second (expected 50%)."
                        + " Length: longest above shortest, against the other labelers' rate."
                        + " Speed: judgments faster than the others' median (flagged when the median is also under half)."),
                grid(project, table));
    }

    private HorizontalLayout settingsForm(ProjectView project) {
        QualitySettings s = settings.get(project.id());
        NumberField rate = field("Gold rate (0–1)", s.goldRate(), "quality-gold-rate");
        NumberField min = field("Gold minimum accuracy", s.goldMinAccuracy(), "quality-gold-min");
        Checkbox pause = new Checkbox("Pause labelers below it", s.goldPause());
        pause.setId("quality-gold-pause");
        NumberField review = field("Review at disagreement ≥", s.reviewDisagreement(), "quality-review");
        NumberField repeat = field("Repeat rate (0–1)", s.repeatRate(), "quality-repeat-rate");
        repeat.setHelperText("Tasks shown again, responses swapped, to measure self-consistency");
        Select<Routing> routing = new Select<>();
        routing.setLabel("Routing");
        routing.setItems(Routing.values());
        routing.setItemLabelGenerator(r -> r == Routing.FIFO ? "Oldest first" : "Least certain first");
        routing.setValue(s.routing());
        routing.setId("quality-routing");
        routing.setHelperText("Least certain: the smallest reward-model margin first, refreshed by each REWARD job");
        Button save = new Button("Save settings", e -> {
            try {
                settings.update(project.id(), new QualitySettings(value(rate), value(min), pause.getValue(), value(review),
                        value(repeat), routing.getValue()));
                Ui.success("Quality settings saved");
                show(project);
            } catch (RuntimeException x) {
                Ui.error(Ui.messageOf(x));
            }
        });
        save.setId("quality-save");
        HorizontalLayout form = new HorizontalLayout(rate, min, pause, review, repeat, routing, save);
        form.setAlignItems(com.vaadin.flow.component.orderedlayout.FlexComponent.Alignment.BASELINE);
        form.setWrap(true);
        return form;
    }

    private Grid<LabelerRow> grid(ProjectView project, LabelersTable table) {
        Grid<LabelerRow> grid = new Grid<>();
        grid.setId("quality-labelers");
        grid.addColumn(LabelerRow::labeler).setHeader("Labeler").setAutoWidth(true);
        grid.addColumn(LabelerRow::judgments).setHeader("Judgments").setAutoWidth(true);
        grid.addColumn(r -> r.agreement() == null ? "–" : percent(r.agreement().pairwiseAgreement()))
                .setHeader("Agreement (vs others)").setAutoWidth(true);
        grid.addColumn(r -> r.agreement() == null ? "–" : number(r.agreement().krippendorffAlpha()))
                .setHeader("α").setAutoWidth(true);
        grid.addColumn(r -> r.goldJudged() == 0 ? "–" : percent(r.goldAccuracy()) + " of " + r.goldJudged())
                .setHeader("Gold accuracy").setAutoWidth(true);
        grid.addColumn(r -> r.repeats() == 0 ? "–" : Double.isNaN(r.selfConsistency()) ? "– of " + r.repeats()
                        : percent(r.selfConsistency()) + " of " + r.repeats())
                .setHeader("Self-consistency").setAutoWidth(true);
        grid.addColumn(r -> test(r.position())).setHeader("Position (first wins)").setAutoWidth(true);
        grid.addColumn(r -> test(r.length())).setHeader("Length (longer wins)").setAutoWidth(true);
        grid.addColumn(r -> (r.medianMs() == null ? "–" : String.format(Locale.ROOT, "%.1f s", r.medianMs() / 1000.0))
                + (Double.isNaN(r.speedRatio()) ? "" : String.format(Locale.ROOT, " (×%.2f)", r.speedRatio()))
                + pValue(r.speed())).setHeader("Time (vs others)").setAutoWidth(true);
        grid.addComponentColumn(r -> {
            Span flags = new Span(r.flagged() ? "⚑ " + String.join(", ", r.flags()) : "");
            flags.addClassName(r.flagged() ? "flagged" : "not-flagged");
            Ui.testId(flags, "flags-" + r.labeler());
            return flags;
        }).setHeader("Flagged").setAutoWidth(true);
        grid.addComponentColumn(r -> {
            Button b = new Button(r.pausedReason() == null ? "Pause" : "Resume", e -> {
                if (r.pausedReason() == null) {
                    pauses.pause(project.id(), r.labelerId(), "paused by an admin");
                } else {
                    pauses.resume(project.id(), r.labelerId());
                }
                show(project);
            });
            Ui.testId(b, "pause-" + r.labeler());
            if (r.pausedReason() != null) {
                b.setTooltipText(r.pausedReason());
            }
            return b;
        }).setHeader("Paused").setAutoWidth(true);
        grid.setItems(table.labelers());
        grid.setAllRowsVisible(true);
        return grid;
    }

    private static String test(BiasTest t) {
        return t.trials() == 0 ? "–" : percent(t.rate()) + " of " + t.trials() + pValue(t);
    }

    private static String pValue(BiasTest t) {
        return Double.isNaN(t.pAdjusted()) ? "" : String.format(Locale.ROOT, ", p=%.2g (Holm %.2g)", t.p(), t.pAdjusted());
    }

    private static NumberField field(String label, double value, String id) {
        NumberField f = new NumberField(label);
        f.setValue(value);
        f.setStep(0.01);
        f.setId(id);
        return f;
    }

    private static double value(NumberField f) {
        return f.getValue() == null ? Double.NaN : f.getValue();
    }

    private static String percent(double d) {
        return Double.isNaN(d) ? "–" : String.format(Locale.ROOT, "%.1f%%", 100 * d);
    }

    private static String number(double d) {
        return Double.isNaN(d) ? "–" : String.format(Locale.ROOT, "%.3f", d);
    }
}
