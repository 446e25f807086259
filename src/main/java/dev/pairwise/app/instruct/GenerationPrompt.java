package dev.pairwise.app.instruct;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The request Self-Instruct sends and how it reads the answer ({@code encode_prompt} and
 * {@code post_process_gpt3_response} in the paper's code): "Come up with a series of tasks:", the
 * in-context instructions numbered 1..n (spacing collapsed, a trailing colon dropped), then
 * "n+1." for the model to continue. The answer is split at every "newline, number, optional
 * space, period, space"; what precedes the first such break is the model's instruction n+1.
 * A chat model may repeat "n+1." at the start, which is tolerated.
 */
public final class GenerationPrompt {

    private static final Pattern ITEM_BREAK = Pattern.compile("\\n\\d+\\s?\\. ");
    private static final Pattern LEADING_NUMBER = Pattern.compile("^\\s*\\d+\\s?\\.\\s*");
    /** The next number the model opened but did not fill ("\n18." at the end). */
    private static final Pattern TRAILING_NUMBER = Pattern.compile("\\n\\d+\\s?\\.\\s*$");

    private GenerationPrompt() {
    }

    /** The prompt that shows {@code examples} and asks for more. */
    public static String encode(List<String> examples) {
        StringBuilder prompt = new StringBuilder("Come up with a series of tasks:\n");
        for (int i = 0; i < examples.size(); i++) {
            String instruction = InstructionFilter.normalize(examples.get(i));
            while (instruction.endsWith(":")) {
                instruction = instruction.substring(0, instruction.length() - 1);
            }
            prompt.append(i + 1).append(". ").append(instruction).append('\n');
        }
        return prompt.append(examples.size() + 1).append('.').toString();
    }

    /**
     * The instructions in the model's answer, normalized, blank ones dropped, in order. Text after
     * a blank line inside an item is the model's commentary, not the task (the paper stops
     * generation at "\n\n"). When the model ran out of tokens ({@code cutOff}) the last item is
     * unfinished and dropped (the paper drops the whole answer).
     */
    public static List<String> parse(String answer, boolean cutOff) {
        String text = LEADING_NUMBER.matcher(answer.replace("\r\n", "\n").stripLeading()).replaceFirst("");
        List<String> out = new ArrayList<>();
        String[] items = ITEM_BREAK.split(TRAILING_NUMBER.matcher(text).replaceFirst(""));
        int usable = cutOff ? items.length - 1 : items.length;
        for (int i = 0; i < usable; i++) {
            String item = items[i];
            int blank = item.indexOf("\n\n");
            String instruction = InstructionFilter.normalize(blank >= 0 ? item.substring(0, blank) : item);
            if (!instruction.isEmpty()) {
                out.add(capitalized(instruction));
            }
        }
        return out;
    }

    /**
     * The first letter upper-cased. The paper uses Python's {@code capitalize()}, which also
     * lower-cases the rest; that mangles names and acronyms, so only the first letter changes here.
     */
    static String capitalized(String s) {
        return s.isEmpty() ? s : s.substring(0, 1).toUpperCase(Locale.ROOT) + s.substring(1);
    }
}
