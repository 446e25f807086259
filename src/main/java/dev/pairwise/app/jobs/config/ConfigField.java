package dev.pairwise.app.jobs.config;

import dev.pairwise.app.registry.CheckpointKind;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One field of a job type's config, as a start form shows it: the JSON name, a label, what kind of
 * value it takes, its default, its range and a hint. Executors describe their fields with these,
 * so the form, the REST documentation and the executor's own {@code prepare} checks agree on one
 * list instead of three.
 *
 * @param name         the JSON field name in the config ({@code learningRate})
 * @param label        what the form calls it ("Learning rate")
 * @param kind         the kind of value, which decides the form control
 * @param defaultValue the value used when the field is absent, as JSON text ({@code 0.0001}), or
 *                     null when the field is required or has no default
 * @param min          the smallest allowed value (INTEGER and NUMBER), or null
 * @param max          the largest allowed value (INTEGER and NUMBER), or null
 * @param options      the allowed values (CHOICE), the checkpoint kinds accepted (CHECKPOINT, by
 *                     name), or the fields this one replaces when it is filled (CONNECTION and
 *                     SYSTEMS: another way to name the same system, such as a connection instead
 *                     of a checkpoint); empty otherwise
 * @param required     whether a job cannot start without it
 * @param hint         one sentence saying what it does and why the default is what it is
 */
public record ConfigField(String name, String label, Kind kind, @Nullable String defaultValue,
                          @Nullable Double min, @Nullable Double max, List<String> options,
                          boolean required, String hint) {

    /** The kinds of value a config field holds. */
    public enum Kind {
        /** A whole number. */
        INTEGER,
        /** A real number. */
        NUMBER,
        /** Free text. */
        TEXT,
        /** true or false. */
        BOOLEAN,
        /** One of {@link ConfigField#options()}. */
        CHOICE,
        /** A model registry id of one of the kinds in {@link ConfigField#options()}. */
        CHECKPOINT,
        /** A labeling project id. */
        PROJECT,
        /** The name of an uploaded corpus file. */
        CORPUS,
        /** A model connection id (an OpenAI-compatible server). */
        CONNECTION,
        /**
         * A list of systems that draw responses together, each a JSON object naming one connection
         * ({@code connectionId}) or one checkpoint ({@code checkpointId}), optional
         * {@code temperature}, {@code top_p}, {@code max_tokens}, and how many responses it draws
         * ({@code count}); the executor checks the entries.
         */
        SYSTEMS
    }

    public ConfigField {
        options = List.copyOf(options);
    }

    /**
     * Whether a value lies in this field's range (a missing bound is open): the one range check
     * that the server ({@link JobSettings}) and the start form both apply.
     */
    public boolean inRange(double x) {
        return (min == null || x >= min) && (max == null || x <= max);
    }

    /** A whole-number field with a default and a range. */
    public static ConfigField integer(String name, String label, long defaultValue, long min, long max, String hint) {
        return new ConfigField(name, label, Kind.INTEGER, Long.toString(defaultValue), (double) min, (double) max,
                List.of(), false, hint);
    }

    /** A real-number field with a default and a range. */
    public static ConfigField number(String name, String label, double defaultValue, double min, double max, String hint) {
        return new ConfigField(name, label, Kind.NUMBER, Double.toString(defaultValue), min, max, List.of(), false, hint);
    }

    /** A field choosing one of {@code options}, the first being the default. */
    public static ConfigField choice(String name, String label, List<String> options, String hint) {
        return new ConfigField(name, label, Kind.CHOICE, '"' + options.getFirst() + '"', null, null, options, false, hint);
    }

    /** A required checkpoint id of one of {@code kinds}. */
    public static ConfigField checkpoint(String name, String label, List<CheckpointKind> kinds, boolean required, String hint) {
        return new ConfigField(name, label, Kind.CHECKPOINT, null, null, null,
                kinds.stream().map(Enum::name).toList(), required, hint);
    }

    /** A required labeling project id. */
    public static ConfigField project(String name, String label, String hint) {
        return new ConfigField(name, label, Kind.PROJECT, null, null, null, List.of(), true, hint);
    }

    /** An optional connection id that, when given, replaces the fields named in {@code replaces}. */
    public static ConfigField connection(String name, String label, List<String> replaces, String hint) {
        return new ConfigField(name, label, Kind.CONNECTION, null, null, null, replaces, false, hint);
    }

    /** An optional list of systems (see {@link Kind#SYSTEMS}) that replaces the fields named in {@code replaces}. */
    public static ConfigField systems(String name, String label, List<String> replaces, String hint) {
        return new ConfigField(name, label, Kind.SYSTEMS, null, null, null, replaces, false, hint);
    }

    /** A required uploaded corpus (its stored name). */
    public static ConfigField corpus(String name, String label, String hint) {
        return new ConfigField(name, label, Kind.CORPUS, null, null, null, List.of(), true, hint);
    }
}
