package dev.pairwise.app.instruct;

import java.util.Locale;

/** Why a generated instruction was not kept; each is counted in the job's metrics as {@code rejected_<name>}. */
public enum Rejection {
    /** Three words or fewer. */
    TOO_SHORT,
    /** More than 150 words. */
    TOO_LONG,
    /** Names something a text model cannot see or make (an image, a file, a map, a video...). */
    BLACKLISTED,
    /** Starts with "Write a program" (the paper: the model appends it to many tasks, ambiguously). */
    WRITE_A_PROGRAM,
    /** Starts with punctuation. */
    PUNCTUATION,
    /** Starts with a character outside ASCII. */
    NON_ASCII,
    /** The same text (case and spacing aside) as an instruction already in the pool. */
    DUPLICATE,
    /** ROUGE-L F-measure of 0.7 or more against an instruction already in the pool. */
    SIMILAR;

    /** The metric that counts it. */
    public String metric() {
        return "rejected_" + name().toLowerCase(Locale.ROOT);
    }
}
