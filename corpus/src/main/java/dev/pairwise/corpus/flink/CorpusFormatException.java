package dev.pairwise.corpus.flink;

/** An input file that cannot be read as a corpus; the message names the file and line. */
public final class CorpusFormatException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    public CorpusFormatException(String message) {
        super(message);
    }
}
