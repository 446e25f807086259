/*
 * A small option parser for the policy commands: "--name value", "--name=value", "--name v1 v2"
 * (options that take several values), and "--flag". Every error names the option.
 */
package dev.pairwise.policy.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/** Parsed command-line options. */
final class Args {

    private final Map<String, List<String>> values;
    private final Set<String> flags;

    private Args(Map<String, List<String>> values, Set<String> flags) {
        this.values = values;
        this.flags = flags;
    }

    /**
     * Parses {@code args}. Options in {@code valued} take one or more values (the words up to
     * the next option); options in {@code flagNames} take none.
     *
     * @throws IllegalArgumentException for an unknown option, a stray word, a valued option
     *                                  without a value, or a flag given a value
     */
    static Args parse(String[] args, Set<String> valued, Set<String> flagNames) {
        Map<String, List<String>> values = new LinkedHashMap<>();
        Set<String> flags = new java.util.HashSet<>();
        String current = null;
        for (String arg : args) {
            if (arg.startsWith("--") && arg.length() > 2) {
                String name = arg.substring(2);
                String inline = null;
                int eq = name.indexOf('=');
                if (eq >= 0) {
                    inline = name.substring(eq + 1);
                    name = name.substring(0, eq);
                }
                if (flagNames.contains(name)) {
                    if (inline != null) {
                        throw new IllegalArgumentException("--" + name + " takes no value");
                    }
                    flags.add(name);
                    current = null;
                } else if (valued.contains(name)) {
                    if (values.containsKey(name)) {
                        throw new IllegalArgumentException("--" + name + " given twice");
                    }
                    values.put(name, new ArrayList<>());
                    if (inline != null) {
                        values.get(name).add(inline);
                    }
                    current = name;
                } else {
                    throw new IllegalArgumentException("unknown option --" + name);
                }
            } else {
                if (current == null) {
                    throw new IllegalArgumentException("unexpected argument '" + arg + "'");
                }
                values.get(current).add(arg);
            }
        }
        for (Map.Entry<String, List<String>> e : values.entrySet()) {
            if (e.getValue().isEmpty()) {
                throw new IllegalArgumentException("--" + e.getKey() + " needs a value");
            }
        }
        return new Args(values, flags);
    }

    /** True when the option was given. */
    boolean has(String name) {
        return values.containsKey(name);
    }

    /** True when the flag was given. */
    boolean flag(String name) {
        return flags.contains(name);
    }

    /** Every value of a multi-valued option; empty when absent. */
    List<String> list(String name) {
        return values.getOrDefault(name, List.of());
    }

    /** The single value of an option, or null when absent. */
    @Nullable String optional(String name) {
        List<String> v = values.get(name);
        if (v == null) {
            return null;
        }
        if (v.size() > 1) {
            throw new IllegalArgumentException("--" + name + " takes one value, got " + v.size());
        }
        return v.getFirst();
    }

    /** The single value of a required option. */
    String required(String name) {
        String v = optional(name);
        if (v == null) {
            throw new IllegalArgumentException("missing --" + name);
        }
        return v;
    }

    /** An integer option; {@code fallback} when absent, required when {@code fallback} is null. */
    int integer(String name, @Nullable Integer fallback) {
        String v = fallback == null ? required(name) : optional(name);
        if (v == null) {
            return fallback;
        }
        try {
            return Integer.parseInt(v);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--" + name + " must be an integer, got '" + v + "'");
        }
    }

    /** A long option; {@code fallback} when absent, required when {@code fallback} is null. */
    long longValue(String name, @Nullable Long fallback) {
        String v = fallback == null ? required(name) : optional(name);
        if (v == null) {
            return fallback;
        }
        try {
            return Long.parseLong(v);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--" + name + " must be an integer, got '" + v + "'");
        }
    }

    /** A decimal option; {@code fallback} when absent, required when {@code fallback} is null. */
    double decimal(String name, @Nullable Double fallback) {
        String v = fallback == null ? required(name) : optional(name);
        if (v == null) {
            return fallback;
        }
        try {
            double d = Double.parseDouble(v);
            if (!Double.isFinite(d)) {
                throw new NumberFormatException();
            }
            return d;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--" + name + " must be a number, got '" + v + "'");
        }
    }
}
