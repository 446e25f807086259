package dev.pairwise.app.ui.jobs;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.server.streams.UploadHandler;
import dev.pairwise.app.jobs.config.ConfigField;
import dev.pairwise.labeling.InvalidInputException;
import java.util.List;

/**
 * A CORPUS config field: a combo box of the uploaded corpora and an upload beside it. An upload
 * streams straight into the corpus store (checked whole there, nothing kept if refused) and, once
 * stored, is selected; a refusal shows on the combo box.
 */
class CorpusPicker extends Div {

    private final ComboBox<String> box = new ComboBox<>();

    CorpusPicker(ConfigField field, JobForm.Choices choices, String id) {
        addClassName("corpus-field");
        List<String> corpora = choices.corpora();
        box.setItems(corpora);
        if (field.required() && corpora.size() == 1) {
            box.setValue(corpora.getFirst()); // the only valid choice
        }
        box.setId(id);
        box.setWidthFull();
        box.setLabel(field.label() + (field.required() ? " *" : ""));
        if (!field.hint().isBlank()) {
            box.setHelperText(field.hint());
        }
        Upload upload = new Upload((UploadHandler) event -> {
            // The upload request runs outside the UI lock: changes go through access (pushed).
            UI ui = event.getUI();
            try {
                String stored = choices.saveCorpus(event.getFileName(), event.getInputStream());
                ui.access(() -> {
                    box.setItems(choices.corpora());
                    box.setValue(stored);
                    box.setInvalid(false);
                    JobsUi.success("Stored corpus " + stored);
                });
            } catch (InvalidInputException e) {
                event.reject(e.getMessage());
                ui.access(() -> {
                    box.setErrorMessage(e.getMessage());
                    box.setInvalid(true);
                });
            }
        });
        upload.setId(id + "-upload");
        upload.setMaxFiles(1);
        upload.setAcceptedFileTypes(".txt", ".jsonl");
        add(box, upload);
    }

    /** The combo box holding the chosen corpus name. */
    ComboBox<String> box() {
        return box;
    }
}
