package dev.pairwise.app.ui;

import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.NumberField;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;
import dev.pairwise.app.connections.ConnectionSettings;
import dev.pairwise.app.connections.ConnectionView;
import dev.pairwise.labeling.InvalidInputException;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The fields of a model connection. The API key is a password field that is always blank: on a
 * new connection blank means "no key", on an existing one "keep the stored key" (a checkbox
 * removes it). A refusal of the service marks the field it names.
 */
class ConnectionForm extends FormLayout {

    private final TextField name = field(new TextField("Name"), "connection-name");
    private final TextField baseUrl = field(new TextField("Base URL"), "connection-base-url");
    private final TextField model = field(new TextField("Model"), "connection-model");
    private final PasswordField apiKey = field(new PasswordField("API key"), "connection-api-key");
    private final Checkbox removeKey = new Checkbox("Remove the stored key");
    private final NumberField temperature = field(new NumberField("Temperature"), "connection-temperature");
    private final NumberField topP = field(new NumberField("Top p"), "connection-top-p");
    private final IntegerField maxTokens = field(new IntegerField("Max tokens"), "connection-max-tokens");
    private final IntegerField maxConcurrent = field(new IntegerField("Concurrent requests (cap)"), "connection-max-concurrent");
    private final IntegerField requestsPerMinute = field(new IntegerField("Requests per minute (cap)"), "connection-rpm");
    private final IntegerField timeoutSeconds = field(new IntegerField("Timeout (seconds)"), "connection-timeout");
    private final Map<String, HasValidation> byApiField = Map.of("name", name, "base_url", baseUrl, "model", model,
            "api_key", apiKey, "temperature", temperature, "top_p", topP, "max_tokens", maxTokens,
            "max_concurrent", maxConcurrent, "requests_per_minute", requestsPerMinute, "timeout_seconds", timeoutSeconds);

    ConnectionForm(@Nullable ConnectionView existing) {
        baseUrl.setHelperText("The server's root, e.g. http://host:8000/v1 (vLLM), http://localhost:11434/v1 (Ollama), "
                + "https://api.openai.com/v1");
        baseUrl.setPlaceholder("http://localhost:8000/v1");
        model.setHelperText("As the server names it, e.g. meta-llama/Llama-3.1-8B-Instruct or llama3.2");
        temperature.setStep(0.1);
        temperature.setMin(0);
        temperature.setMax(2);
        topP.setStep(0.05);
        topP.setMin(0);
        topP.setMax(1);
        removeKey.setId("connection-remove-key");
        removeKey.addValueChangeListener(e -> apiKey.setEnabled(!e.getValue()));
        if (existing == null) {
            apiKey.setHelperText("Blank for servers without one (vLLM, Ollama). Stored encrypted, never shown again.");
            temperature.setValue(ConnectionSettings.DEFAULT_TEMPERATURE);
            topP.setValue(ConnectionSettings.DEFAULT_TOP_P);
            maxTokens.setValue(ConnectionSettings.DEFAULT_MAX_TOKENS);
            maxConcurrent.setValue(ConnectionSettings.DEFAULT_MAX_CONCURRENT);
            requestsPerMinute.setValue(ConnectionSettings.DEFAULT_REQUESTS_PER_MINUTE);
            timeoutSeconds.setValue(ConnectionSettings.DEFAULT_TIMEOUT_SECONDS);
            removeKey.setVisible(false);
        } else {
            apiKey.setHelperText(existing.apiKeySet() ? "A key is stored. Leave blank to keep it; type a new one to replace it."
                    : "No key is stored. Blank keeps it that way.");
            show(existing.settings());
            removeKey.setVisible(existing.apiKeySet());
        }
        add(name, model, baseUrl, apiKey, removeKey, temperature, topP, maxTokens, maxConcurrent, requestsPerMinute,
                timeoutSeconds);
        setColspan(baseUrl, 2);
        setColspan(apiKey, 2);
    }

    private void show(ConnectionSettings s) {
        name.setValue(s.name());
        baseUrl.setValue(s.baseUrl());
        model.setValue(s.model());
        temperature.setValue(s.temperature());
        topP.setValue(s.topP());
        maxTokens.setValue(s.maxTokens());
        maxConcurrent.setValue(s.maxConcurrent());
        requestsPerMinute.setValue(s.requestsPerMinute());
        timeoutSeconds.setValue((int) s.timeout().toSeconds());
    }

    /** The settings as typed; throws the service's {@link InvalidInputException} naming the field. */
    ConnectionSettings settings() {
        clearErrors();
        return ConnectionSettings.of(name.getValue(), baseUrl.getValue(), model.getValue(), temperature.getValue(),
                topP.getValue(), maxTokens.getValue(), maxConcurrent.getValue(), requestsPerMinute.getValue(),
                timeoutSeconds.getValue());
    }

    /** For a new connection the key or null; for an existing one null = keep, "" = remove. */
    @Nullable String apiKey(boolean existing) {
        if (removeKey.getValue()) {
            return "";
        }
        String typed = apiKey.getValue();
        return typed.isBlank() ? (existing ? null : "") : typed;
    }

    /** Marks the field a refusal names; false when it names none of these. */
    boolean markError(RuntimeException e) {
        String field = e instanceof InvalidInputException i ? i.field()
                : e instanceof dev.pairwise.labeling.ConflictException c ? c.field() : null;
        HasValidation target = field == null ? null : byApiField.get(field);
        if (target == null) {
            return false;
        }
        target.setErrorMessage(e.getMessage());
        target.setInvalid(true);
        return true;
    }

    private void clearErrors() {
        byApiField.values().forEach(f -> f.setInvalid(false));
    }

    private static <T extends com.vaadin.flow.component.Component> T field(T component, String id) {
        component.setId(id);
        return component;
    }
}
