package dev.pairwise.policy.synthetic;

import java.util.Arrays;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** One prompt with its computed best answer. {@link #parse} recovers the task from the prompt alone. */
public record SyntheticTask(TaskKind kind, String prompt, String answer) {

    private static final Pattern ADD = Pattern.compile("add (\\d+) and (\\d+)");
    private static final Pattern LIST = Pattern.compile("(reverse|sort|uppercase): ([a-z0-9]+(?: [a-z0-9]+)*)");

    /** {@code add a and b}. */
    public static SyntheticTask add(int a, int b) {
        return new SyntheticTask(TaskKind.ADD, "add " + a + " and " + b, Integer.toString(a + b));
    }

    /** {@code reverse: items}. */
    public static SyntheticTask reverse(String... items) {
        String[] r = items.clone();
        for (int i = 0; i < r.length / 2; i++) {
            String t = r[i];
            r[i] = r[r.length - 1 - i];
            r[r.length - 1 - i] = t;
        }
        return new SyntheticTask(TaskKind.REVERSE, "reverse: " + String.join(" ", items), String.join(" ", r));
    }

    /** {@code sort: digits} (ascending). */
    public static SyntheticTask sort(int... digits) {
        String in = Arrays.stream(digits).mapToObj(Integer::toString).collect(Collectors.joining(" "));
        String out = Arrays.stream(digits).sorted().mapToObj(Integer::toString).collect(Collectors.joining(" "));
        return new SyntheticTask(TaskKind.SORT, "sort: " + in, out);
    }

    /** {@code uppercase: words}. */
    public static SyntheticTask uppercase(String... words) {
        String in = String.join(" ", words);
        return new SyntheticTask(TaskKind.UPPERCASE, "uppercase: " + in, in.toUpperCase(Locale.ROOT));
    }

    /** The task whose prompt is {@code prompt}; throws if it is not one of ours. */
    public static SyntheticTask parse(String prompt) {
        String p = prompt.strip();
        Matcher add = ADD.matcher(p);
        if (add.matches()) {
            return add(Integer.parseInt(add.group(1)), Integer.parseInt(add.group(2)));
        }
        Matcher list = LIST.matcher(p);
        if (list.matches()) {
            String[] items = list.group(2).split(" ");
            return switch (list.group(1)) {
                case "reverse" -> reverse(items);
                case "sort" -> sort(Arrays.stream(items).mapToInt(SyntheticTask::digit).toArray());
                default -> uppercase(items);
            };
        }
        throw new IllegalArgumentException("not a synthetic task prompt: '" + prompt + "'");
    }

    private static int digit(String s) {
        if (s.length() != 1 || !Character.isDigit(s.charAt(0))) {
            throw new IllegalArgumentException("sort takes single digits, got '" + s + "'");
        }
        return s.charAt(0) - '0';
    }
}
