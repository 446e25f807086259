package dev.pairwise.corpus.flink;

/** One input file of the job: its position in the input list (the high bits of each key) and URI. */
public class InputFile {

    public int index;
    public String uri = "";

    public InputFile() {
    }

    InputFile(int index, String uri) {
        this.index = index;
        this.uri = uri;
    }
}
