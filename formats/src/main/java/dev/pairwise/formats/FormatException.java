package dev.pairwise.formats;

/**
 * A record that does not have the shape its format requires. The message names the field at
 * fault; the reader adds where the record is (file and line on the command line, the line of an
 * upload in the app's import).
 */
public class FormatException extends IllegalArgumentException {

    public FormatException(String message) {
        super(message);
    }
}
