package dev.pairwise.policy.synthetic;

/** The families of synthetic tasks; each prompt starts with its kind's keyword. */
public enum TaskKind {
    /** {@code "add 23 and 58"} → {@code "81"}. */
    ADD,
    /** {@code "reverse: c a f"} → {@code "f a c"}. */
    REVERSE,
    /** {@code "sort: 5 2 9"} → {@code "2 5 9"}. */
    SORT,
    /** {@code "uppercase: red fox"} → {@code "RED FOX"} (answering in a required format). */
    UPPERCASE
}
