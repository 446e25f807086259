package dev.pairwise.policy.io;

import com.fasterxml.jackson.annotation.JsonInclude;
import tools.jackson.core.JacksonException;
import tools.jackson.core.SerializableString;
import tools.jackson.core.io.CharacterEscapes;
import tools.jackson.core.io.SerializedString;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.core.json.JsonReadFeature;
import tools.jackson.core.json.JsonWriteFeature;
import tools.jackson.core.util.DefaultIndenter;
import tools.jackson.core.util.DefaultPrettyPrinter;
import tools.jackson.core.util.Separators;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.MapperFeature;
import tools.jackson.databind.ObjectWriter;
import tools.jackson.databind.cfg.JsonNodeFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The one configured JSON mapper of the plain-Java code (checkpoints, tokenizer and Hugging Face
 * files, command-line output), and typed reads of an object's fields whose errors name the field.
 *
 * <p>The settings keep the files this code wrote with Gson byte for byte: NaN and Infinity are
 * written bare and read back (Python's {@code json} writes them too), a record's fields keep their
 * declaration order, null fields are left out (unless {@link #prettyWithNulls} keeps them), fields
 * a record lacks are ignored, U+2028 and U+2029 are escaped (JSON lines stay lines for readers that
 * break there too), and {@link #pretty} lays out as Gson did.
 */
public final class Json {

    /** The shared mapper: compact output, settings as above. */
    public static final JsonMapper MAPPER = JsonMapper.builder(JsonFactory.builder()
                    .characterEscapes(new LineSeparatorEscapes()).build())
            .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
            .disable(JsonWriteFeature.WRITE_NAN_AS_STRINGS)
            .disable(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .disable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .disable(JsonNodeFeature.WRITE_NULL_PROPERTIES)
            .changeDefaultPropertyInclusion(i -> i.withValueInclusion(JsonInclude.Include.NON_NULL))
            .build();

    private static final ObjectWriter PRETTY = MAPPER.writer().with(gsonLayout());
    private static final ObjectWriter PRETTY_WITH_NULLS = PRETTY.with(JsonNodeFeature.WRITE_NULL_PROPERTIES);

    private Json() {
    }

    /** A new empty object. */
    public static ObjectNode object() {
        return MAPPER.createObjectNode();
    }

    /** A new empty array. */
    public static ArrayNode array() {
        return MAPPER.createArrayNode();
    }

    /** {@code value} (a tree, record, map or list) on one line. */
    public static String compact(Object value) {
        return MAPPER.writeValueAsString(value);
    }

    /** {@code value} indented by two spaces, one field or array element a line, {@code "name": value}. */
    public static String pretty(Object value) {
        return PRETTY.writeValueAsString(value);
    }

    /** As {@link #pretty}, with a tree's null fields written out (tokenizer.json and config.json spell them out). */
    public static String prettyWithNulls(Object value) {
        return PRETTY_WITH_NULLS.writeValueAsString(value);
    }

    /**
     * The tree of {@code json}.
     *
     * @throws JacksonException when it is not JSON
     */
    public static JsonNode parse(String json) {
        return MAPPER.readTree(json);
    }

    /**
     * The object {@code json} holds.
     *
     * @param what names the text in the error, e.g. {@code config.json}
     * @throws IllegalArgumentException when the text is not JSON or not an object
     */
    public static ObjectNode parseObject(String json, String what) {
        JsonNode node;
        try {
            node = MAPPER.readTree(json);
        } catch (JacksonException e) {
            throw new IllegalArgumentException(what + " is not a JSON object: " + e.getOriginalMessage(), e);
        }
        if (node == null || !node.isObject()) {
            throw new IllegalArgumentException(what + " is not a JSON object");
        }
        return (ObjectNode) node;
    }

    /** True when {@code o} has field {@code name} and it is not null. */
    public static boolean present(JsonNode o, String name) {
        JsonNode e = o.get(name);
        return e != null && !e.isNull();
    }

    /**
     * Typed reads of an object's fields, for files whose every field is checked: a missing or
     * mistyped field is an {@link IllegalArgumentException} naming it.
     *
     * @param where starts every error, e.g. {@code "config.json: "} (or empty)
     */
    public record Fields(String where) {

        /** True when {@code o} has field {@code name} and it is not null. */
        public boolean present(JsonNode o, String name) {
            return Json.present(o, name);
        }

        /** Field {@code name} of {@code o}, not null. */
        public JsonNode field(JsonNode o, String name) {
            if (!present(o, name)) {
                throw new IllegalArgumentException(where + "missing field '" + name + "'");
            }
            return o.get(name);
        }

        /** Field {@code name} as an int: a whole number (written {@code 4} or {@code 4.0}) in range. */
        public int integer(JsonNode o, String name) {
            return (int) whole(o, name, Integer.MIN_VALUE, Integer.MAX_VALUE);
        }

        /** Field {@code name} as a long: a whole number in range. */
        public long longValue(JsonNode o, String name) {
            return whole(o, name, Long.MIN_VALUE, Long.MAX_VALUE);
        }

        /** Field {@code name} as a double (NaN and Infinity included). */
        public double number(JsonNode o, String name) {
            JsonNode e = field(o, name);
            if (!e.isNumber()) {
                throw new IllegalArgumentException(where + "field '" + name + "' must be a number, got " + e);
            }
            return e.doubleValue();
        }

        /** Field {@code name} as a boolean. */
        public boolean bool(JsonNode o, String name) {
            JsonNode e = field(o, name);
            if (!e.isBoolean()) {
                throw new IllegalArgumentException(where + "field '" + name + "' must be true or false, got " + e);
            }
            return e.booleanValue();
        }

        /** Field {@code name} as a string. */
        public String string(JsonNode o, String name) {
            JsonNode e = field(o, name);
            if (!e.isString()) {
                throw new IllegalArgumentException(where + "field '" + name + "' must be a string, got " + e);
            }
            return e.stringValue();
        }

        private long whole(JsonNode o, String name, long min, long max) {
            JsonNode e = field(o, name);
            if (e.isIntegralNumber() && e.canConvertToLong() && e.longValue() >= min && e.longValue() <= max) {
                return e.longValue();
            }
            if (e.isFloatingPointNumber()) {
                double d = e.doubleValue();
                // (double) max + 1 is exact (2^31, 2^63) where max itself may round up
                if (d == Math.rint(d) && d >= min && d < (double) max + 1) {
                    return (long) d;
                }
            }
            throw new IllegalArgumentException(where + "field '" + name + "' must be an integer, got " + e);
        }
    }

    /** Gson's pretty layout, so files written before the move to Jackson and after compare equal. */
    private static DefaultPrettyPrinter gsonLayout() {
        Separators separators = Separators.createDefaultInstance()
                .withObjectNameValueSpacing(Separators.Spacing.AFTER)
                .withObjectEmptySeparator("")
                .withArrayEmptySeparator("");
        DefaultIndenter indenter = new DefaultIndenter("  ", "\n");
        return new DefaultPrettyPrinter(separators).withObjectIndenter(indenter).withArrayIndenter(indenter);
    }

    /** Escapes the two Unicode line separators as Gson did; everything else as Jackson's default. */
    private static final class LineSeparatorEscapes extends CharacterEscapes {

        private static final int[] ASCII = standardAsciiEscapesForJSON();
        private static final SerializableString LINE = new SerializedString("\\u2028");
        private static final SerializableString PARAGRAPH = new SerializedString("\\u2029");

        @Override
        public int[] getEscapeCodesForAscii() {
            return ASCII;
        }

        @Override
        public SerializableString getEscapeSequence(int ch) {
            return ch == 0x2028 ? LINE : ch == 0x2029 ? PARAGRAPH : null;
        }
    }
}
