package dev.pairwise.app.ui.jobs;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.customfield.CustomField;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.NumberField;
import dev.pairwise.app.connections.ConnectionView;
import dev.pairwise.app.registry.CheckpointView;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A SYSTEMS field: the researcher's mix as rows, each a system (a connection or a checkpoint of
 * the accepted kinds, in one picker), optional temperature, top-p and max tokens (empty: the
 * system's default), and how many responses it draws. Its value is the JSON list the executor
 * reads, or null with no rows. Ids: {@code <id>-add}, and per row (numbered in the order added)
 * {@code <id>-<n>-system},
 * {@code -temperature}, {@code -top_p}, {@code -max_tokens}, {@code -count}, {@code -remove}.
 */
class SystemsField extends CustomField<@Nullable ArrayNode> {

    /** One pickable system. */
    record Source(@Nullable Long connectionId, @Nullable Long checkpointId, String label) {
    }

    private final List<Source> sources = new ArrayList<>();
    private final VerticalLayout rows = new VerticalLayout();
    private final List<Row> rowList = new ArrayList<>();
    private final String id;
    /** Rows are numbered in the order they were added (ids stay unique after a removal). */
    private int added;

    SystemsField(String id, List<CheckpointView> checkpoints, List<ConnectionView> connections) {
        this.id = id;
        setId(id);
        connections.forEach(c -> sources.add(new Source(c.id(), null,
                "Connection: " + c.name() + " (" + c.settings().model() + ")")));
        checkpoints.forEach(c -> sources.add(new Source(null, c.id(), "#" + c.id() + " " + c.name() + " (" + c.kind() + ")")));
        rows.setPadding(false);
        rows.setSpacing(false);
        Button add = new Button("Add system", VaadinIcon.PLUS.create(), e -> addRow());
        add.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        add.setId(id + "-add");
        VerticalLayout body = new VerticalLayout(rows, add);
        body.setPadding(false);
        add(body);
    }

    /** The picker's systems, for tests and the rows. */
    List<Source> sources() {
        return List.copyOf(sources);
    }

    /** Adds an empty row (count 1) and returns its index. */
    int addRow() {
        Row row = new Row(added++);
        rowList.add(row);
        rows.add(row.layout);
        updateValue();
        return rowList.size() - 1;
    }

    /** Fills row {@code i}: the system at {@code source}, count, and optional settings. */
    void setRow(int i, Source source, int count, @Nullable Double temperature, @Nullable Double topP,
                @Nullable Integer maxTokens) {
        Row r = rowList.get(i);
        r.system.setValue(source);
        r.count.setValue(count);
        r.temperature.setValue(temperature);
        r.topP.setValue(topP);
        r.maxTokens.setValue(maxTokens);
        updateValue();
    }

    @Override
    protected @Nullable ArrayNode generateModelValue() {
        if (rowList.isEmpty()) {
            return null;
        }
        ArrayNode list = ConfigJson.JSON.createArrayNode();
        for (Row r : rowList) {
            ObjectNode e = list.addObject();
            Source s = r.system.getValue();
            if (s != null && s.connectionId() != null) {
                e.put("connectionId", s.connectionId());
            } else if (s != null) {
                e.put("checkpointId", s.checkpointId());
            }
            if (r.temperature.getValue() != null) {
                e.put("temperature", r.temperature.getValue());
            }
            if (r.topP.getValue() != null) {
                e.put("top_p", r.topP.getValue());
            }
            if (r.maxTokens.getValue() != null) {
                e.put("max_tokens", r.maxTokens.getValue());
            }
            if (r.count.getValue() != null) {
                e.put("count", r.count.getValue());
            }
        }
        return list;
    }

    @Override
    protected void setPresentationValue(@Nullable ArrayNode value) {
        // The form only reads this field; a value set from outside (none today) starts it empty.
        rowList.clear();
        rows.removeAll();
    }

    private void remove(Row row) {
        rowList.remove(row);
        rows.remove(row.layout);
        updateValue();
    }

    /** One system of the mix. */
    private final class Row {
        final ComboBox<Source> system = new ComboBox<>("System");
        final NumberField temperature = new NumberField("Temperature");
        final NumberField topP = new NumberField("Top-p");
        final IntegerField maxTokens = new IntegerField("Max tokens");
        final IntegerField count = new IntegerField("Responses");
        final HorizontalLayout layout;

        Row(int index) {
            String at = id + "-" + index;
            system.setItems(sources);
            system.setItemLabelGenerator(Source::label);
            system.setId(at + "-system");
            system.setMinWidth("18em");
            temperature.setId(at + "-temperature");
            temperature.setPlaceholder("default");
            temperature.setMin(0);
            temperature.setMax(2);
            topP.setId(at + "-top_p");
            topP.setPlaceholder("default");
            topP.setMin(0.01);
            topP.setMax(1);
            maxTokens.setId(at + "-max_tokens");
            maxTokens.setPlaceholder("default");
            maxTokens.setMin(1);
            count.setId(at + "-count");
            count.setMin(1);
            count.setValue(1);
            count.setStepButtonsVisible(true);
            Button remove = new Button(VaadinIcon.TRASH.create(), e -> SystemsField.this.remove(this));
            remove.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
            remove.setAriaLabel("Remove system");
            remove.setId(at + "-remove");
            system.addValueChangeListener(e -> updateValue());
            temperature.addValueChangeListener(e -> updateValue());
            topP.addValueChangeListener(e -> updateValue());
            maxTokens.addValueChangeListener(e -> updateValue());
            count.addValueChangeListener(e -> updateValue());
            layout = new HorizontalLayout(system, temperature, topP, maxTokens, count, remove);
            layout.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
            layout.setWrap(true);
        }
    }
}
