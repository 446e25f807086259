package dev.pairwise.policy.io;

import com.google.gson.Strictness;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;

import java.io.IOException;
import java.io.StringReader;
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
        try (JsonReader reader = new JsonReader(new StringReader(json))) {
            reader.setStrictness(Strictness.STRICT);
            reader.beginObject();
            while (reader.hasNext()) {
                String name = reader.nextName();
                if (!seen.add(name)) {
                    throw fault("header names '" + name + "' twice");
                }
                if (name.equals(Safetensors.METADATA_KEY)) {
                    readMetadata(reader, metadata);
                } else {
                    entries.add(readEntry(reader, name));
                }
            }
            reader.endObject();
            if (reader.peek() != JsonToken.END_DOCUMENT) {
                throw fault("header has content after its JSON object");
            }
        } catch (IOException | IllegalStateException | NumberFormatException e) {
            if (e instanceof IOException io && io.getMessage() != null && io.getMessage().startsWith(file + ":")) {
                throw io;
            }
            throw fault("header is not valid safetensors JSON (" + e.getMessage() + ")", e);
        }
        return entries;
    }

    private void readMetadata(JsonReader reader, TreeMap<String, String> metadata) throws IOException {
        reader.beginObject();
        while (reader.hasNext()) {
            String key = reader.nextName();
            if (reader.peek() != JsonToken.STRING) {
                throw fault("__metadata__ value of '" + key + "' is " + reader.peek() + ", not a string");
            }
            metadata.put(key, reader.nextString());
        }
        reader.endObject();
    }

    private Entry readEntry(JsonReader reader, String name) throws IOException {
        DType type = null;
        long[] shape = null;
        long[] offsets = null;
        reader.beginObject();
        while (reader.hasNext()) {
            String field = reader.nextName();
            switch (field) {
                case "dtype" -> {
                    String dtype = reader.nextString();
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
        reader.endObject();
        if (type == null || shape == null || offsets == null) {
            throw fault("tensor '" + name + "' lacks " + (type == null ? "dtype" : shape == null ? "shape" : "data_offsets"));
        }
        if (offsets.length != 2 || offsets[0] > offsets[1]) {
            throw fault("tensor '" + name + "' has data_offsets " + Arrays.toString(offsets)
                    + ", expected [begin, end] with begin <= end");
        }
        return new Entry(name, type, shape, offsets[0], offsets[1]);
    }

    private long[] readLongs(JsonReader reader, String name, String field) throws IOException {
        List<Long> values = new ArrayList<>();
        reader.beginArray();
        while (reader.hasNext()) {
            if (reader.peek() != JsonToken.NUMBER) {
                throw fault("tensor '" + name + "' " + field + " holds " + reader.peek() + ", not a number");
            }
            BigDecimal value = new BigDecimal(reader.nextString());
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
        reader.endArray();
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
