package dev.pairwise.policy.io;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.CharBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.json.JsonFactory;

/**
 * Parses and validates a safetensors file. Every fault becomes an {@link IOException} whose
 * message starts with the file and says what is wrong, the checks of the reference
 * {@code read_metadata}/{@code validate}: header length within the file and at most 100 MB,
 * UTF-8 JSON object, supported dtypes, offsets that tile the data section without gap or
 * overlap and end exactly at the end of the file, byte counts that match dtype times shape.
 */
final class SafetensorsReader {

    private record Entry(String name, DType type, long[] shape, long begin, long end) {
    }

    /** Strict JSON (no NaN, comments or trailing commas), as the reference parser reads the header. */
    private static final JsonFactory STRICT_JSON = new JsonFactory();

    private final Path file;

    private SafetensorsReader(Path file) {
        this.file = file;
    }

    static Safetensors.Contents read(Path file, FileChannel channel) throws IOException {
        return new SafetensorsReader(file).read(channel);
    }

    private Safetensors.Contents read(FileChannel channel) throws IOException {
        long size = channel.size();
        if (size < 8) {
            throw fault("file is " + size + " bytes, too short for the 8-byte header length");
        }
        long headerLength = readFully(channel, 0, 8).order(ByteOrder.LITTLE_ENDIAN).getLong(0);
        if (headerLength < 0 || headerLength > Safetensors.MAX_HEADER_BYTES) {
            throw fault("header length " + Long.toUnsignedString(headerLength) + " exceeds the "
                    + Safetensors.MAX_HEADER_BYTES + "-byte limit");
        }
        if (8 + headerLength > size) {
            throw fault("truncated: header length " + headerLength + " but only " + (size - 8)
                    + " bytes follow the length field");
        }
        String json = utf8(readFully(channel, 8, (int) headerLength));
        if (!json.startsWith("{")) {
            throw fault("header does not start with '{'");
        }
        var metadata = new TreeMap<String, String>();
        List<Entry> entries = parse(json, metadata);
        long dataStart = 8 + headerLength;
        long dataLength = validate(entries, size - dataStart);
        var tensors = new TreeMap<String, TensorData>();
        for (Entry entry : entries) {
            long length = entry.end - entry.begin;
            if (length > Integer.MAX_VALUE - 8) {
                throw fault("tensor '" + entry.name + "' has " + length + " bytes, above the 2 GB a buffer can hold");
            }
            ByteBuffer bytes = readFully(channel, dataStart + entry.begin, (int) length);
            tensors.put(entry.name, new TensorData(entry.type.name(), entry.shape, bytes));
        }
        assert dataStart + dataLength == size;
        return new Safetensors.Contents(tensors, metadata);
    }

    private List<Entry> parse(String json, TreeMap<String, String> metadata) throws IOException {
        List<Entry> entries = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        try (JsonParser reader = STRICT_JSON.createParser(json)) {
            expect(reader, JsonToken.START_OBJECT, "the header");
            for (String name = reader.nextName(); name != null; name = reader.nextName()) {
                if (!seen.add(name)) {
                    throw fault("header names '" + name + "' twice");
                }
                if (name.equals(Safetensors.METADATA_KEY)) {
                    readMetadata(reader, metadata);
                } else {
                    entries.add(readEntry(reader, name));
                }
            }
            if (reader.currentToken() != JsonToken.END_OBJECT) {
                throw fault("header holds " + reader.currentToken() + " where a tensor name belongs");
            }
            if (reader.nextToken() != null) {
                throw fault("header has content after its JSON object");
            }
        } catch (JacksonException | NumberFormatException e) {
            String why = e instanceof JacksonException j ? j.getOriginalMessage() : e.getMessage();
            throw fault("header is not valid safetensors JSON (" + why + ")", e);
        }
        return entries;
    }

    private void expect(JsonParser reader, JsonToken token, String what) throws IOException {
        JsonToken found = reader.nextToken();
        if (found != token) {
            throw fault(what + " is " + found + ", expected " + token);
        }
    }

    private void readMetadata(JsonParser reader, TreeMap<String, String> metadata) throws IOException {
        expect(reader, JsonToken.START_OBJECT, Safetensors.METADATA_KEY);
        for (String key = reader.nextName(); key != null; key = reader.nextName()) {
            JsonToken value = reader.nextToken();
            if (value != JsonToken.VALUE_STRING) {
                throw fault("__metadata__ value of '" + key + "' is " + value + ", not a string");
            }
            metadata.put(key, reader.getString());
        }
    }

    private Entry readEntry(JsonParser reader, String name) throws IOException {
        DType type = null;
        long[] shape = null;
        long[] offsets = null;
        expect(reader, JsonToken.START_OBJECT, "tensor '" + name + "'");
        for (String field = reader.nextName(); field != null; field = reader.nextName()) {
            switch (field) {
                case "dtype" -> {
                    expect(reader, JsonToken.VALUE_STRING, "tensor '" + name + "' dtype");
                    String dtype = reader.getString();
                    try {
                        type = DType.of(dtype);
                    } catch (IllegalArgumentException e) {
                        throw fault("tensor '" + name + "': " + e.getMessage());
                    }
                }
                case "shape" -> shape = readLongs(reader, name, field);
                case "data_offsets" -> offsets = readLongs(reader, name, field);
                default -> throw fault("tensor '" + name + "' has unknown field '" + field + "'");
            }
        }
        if (type == null || shape == null || offsets == null) {
            throw fault("tensor '" + name + "' lacks " + (type == null ? "dtype" : shape == null ? "shape" : "data_offsets"));
        }
        if (offsets.length != 2 || offsets[0] > offsets[1]) {
            throw fault("tensor '" + name + "' has data_offsets " + Arrays.toString(offsets)
                    + ", expected [begin, end] with begin <= end");
        }
        return new Entry(name, type, shape, offsets[0], offsets[1]);
    }

    private long[] readLongs(JsonParser reader, String name, String field) throws IOException {
        List<Long> values = new ArrayList<>();
        expect(reader, JsonToken.START_ARRAY, "tensor '" + name + "' " + field);
        for (JsonToken token = reader.nextToken(); token != JsonToken.END_ARRAY; token = reader.nextToken()) {
            if (token != JsonToken.VALUE_NUMBER_INT && token != JsonToken.VALUE_NUMBER_FLOAT) {
                throw fault("tensor '" + name + "' " + field + " holds " + token + ", not a number");
            }
            BigDecimal value = reader.getDecimalValue();
            try {
                long exact = value.longValueExact();
                if (exact < 0) {
                    throw new ArithmeticException("negative");
                }
                values.add(exact);
            } catch (ArithmeticException e) {
                throw fault("tensor '" + name + "' " + field + " holds " + value + ", not a non-negative integer");
            }
        }
        return values.stream().mapToLong(Long::longValue).toArray();
    }

    /** Checks that the entries tile {@code [0, dataLength)} exactly and match their dtype and shape. */
    private long validate(List<Entry> entries, long dataLength) throws IOException {
        entries.sort(Comparator.comparingLong(Entry::begin).thenComparingLong(Entry::end));
        long expectedBegin = 0;
        for (Entry entry : entries) {
            if (entry.begin != expectedBegin) {
                throw fault("tensor '" + entry.name + "' starts at data offset " + entry.begin + ", expected "
                        + expectedBegin + " (offsets must tile the data without gaps or overlaps)");
            }
            long elements = 1;
            try {
                for (long dim : entry.shape) {
                    elements = Math.multiplyExact(elements, dim);
                }
                elements = Math.multiplyExact(elements, entry.type.bytes);
            } catch (ArithmeticException e) {
                throw fault("tensor '" + entry.name + "' shape " + Arrays.toString(entry.shape) + " overflows");
            }
            if (entry.end - entry.begin != elements) {
                throw fault("tensor '" + entry.name + "' spans " + (entry.end - entry.begin) + " bytes but "
                        + entry.type + " " + Arrays.toString(entry.shape) + " needs " + elements);
            }
            expectedBegin = entry.end;
        }
        if (expectedBegin > dataLength) {
            throw fault("truncated: tensors need " + expectedBegin + " data bytes but the file holds " + dataLength);
        }
        if (expectedBegin < dataLength) {
            throw fault((dataLength - expectedBegin) + " trailing bytes after the last tensor (data ends at "
                    + expectedBegin + " of " + dataLength + ")");
        }
        return dataLength;
    }

    private String utf8(ByteBuffer bytes) throws IOException {
        try {
            CharBuffer chars = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(bytes);
            return chars.toString();
        } catch (CharacterCodingException e) {
            throw fault("header is not valid UTF-8", e);
        }
    }

    private ByteBuffer readFully(FileChannel channel, long position, int length) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate(length);
        while (buffer.hasRemaining()) {
            int read = channel.read(buffer, position + buffer.position());
            if (read < 0) {
                throw fault("truncated at byte " + (position + buffer.position()));
            }
        }
        return buffer.flip();
    }

    private IOException fault(String what) {
        return new IOException(file + ": " + what);
    }

    private IOException fault(String what, Throwable cause) {
        return new IOException(file + ": " + what, cause);
    }
}
