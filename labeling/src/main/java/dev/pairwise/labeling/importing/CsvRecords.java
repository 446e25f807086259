package dev.pairwise.labeling.importing;

import dev.pairwise.formats.Utf8Lines;
import java.util.ArrayList;
import java.util.List;

/**
 * RFC 4180 records over decoded lines: comma-separated, fields in double quotes may hold
 * commas, quotes (doubled) and line breaks. A record keeps the number of the line it starts on.
 */
final class CsvRecords {

    record Record(int line, List<String> fields, String error) {
    }

    private final Utf8Lines lines;

    CsvRecords(Utf8Lines lines) {
        this.lines = lines;
    }

    /** The next record, or null at the end. */
    Record next() {
        Utf8Lines.Line first = lines.next();
        if (first == null) {
            return null;
        }
        if (first.error() != null) {
            return new Record(first.number(), List.of(), first.error());
        }
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        boolean wasQuoted = false;
        String text = first.text();
        int i = 0;
        while (true) {
            if (i >= text.length()) {
                if (!quoted) {
                    fields.add(field.toString());
                    return new Record(first.number(), fields, null);
                }
                Utf8Lines.Line more = lines.next();
                if (more == null) {
                    return new Record(first.number(), fields, "a quoted field is not closed");
                }
                if (more.error() != null) {
                    return new Record(first.number(), fields, more.error() + " (line " + more.number() + ")");
                }
                field.append('\n');
                text = more.text();
                i = 0;
                continue;
            }
            char c = text.charAt(i++);
            if (quoted) {
                if (c == '"') {
                    if (i < text.length() && text.charAt(i) == '"') {
                        field.append('"');
                        i++;
                    } else {
                        quoted = false;
                    }
                } else {
                    field.append(c);
                }
            } else if (c == '"') {
                if (field.length() > 0 || wasQuoted) {
                    return skipRest(first.number(), "a quote inside an unquoted field");
                }
                quoted = true;
                wasQuoted = true;
            } else if (c == ',') {
                fields.add(field.toString());
                field.setLength(0);
                wasQuoted = false;
            } else if (wasQuoted) {
                return skipRest(first.number(), "text after a closing quote");
            } else {
                field.append(c);
            }
        }
    }

    private Record skipRest(int line, String error) {
        return new Record(line, List.of(), error);
    }
}
