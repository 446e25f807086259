package dev.pairwise.policy.tokenizer;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;

/** Test texts that stress a byte-level tokenizer, and the shared data folder. */
final class Texts {

    /** Tiny Shakespeare, resolved from the Maven basedir as {@code ../shared/data}. */
    static final Path SHAKESPEARE = Path.of("..", "shared", "data", "tinyshakespeare", "input.txt");

    static final List<String> HARD = List.of(
            "",
            " ",
            "   ",
            "\t",
            "\n",
            "\r\n",
            "line one\r\nline two\r\n\r\n",
            "Hello, world! It's 2026; we'll see what they've done.",
            "  leading and trailing  ",
            "naïve café — déjà vu",
            "e\u0301 a\u0308 combining marks: Z\u0351\u036b\u0343\u036a\u0302\u036b\u033d\u034f\u0334",
            "日本語のテキストと中文文本，还有한국어 텍스트。",
            "Русский текст и ελληνικά γράμματα",
            "مرحبا بالعالم",
            "emoji 😀👍🏽 family 👨‍👩‍👧‍👦 flags 🇫🇷🇯🇵 keycap 1️⃣",
            "math ∑∫√∞ ≤≥ and digits ٣٤٥ ①②③ Ⅻ 3.14159",
            "no\u00a0break\u3000ideographic\u2028line\u2029para\u0085nel space",
            "tabs\tand\u000bvertical\ffeeds",
            "'s't're've'm'll'd 'S 'T quotes ''' \"\"",
            "<|user|> not special in plain text <|end|>",
            "\u0000\u0001\u007f control \uFEFF bom \uFFFD replacement",
            "a".repeat(500) + " " + "😀".repeat(100) + " ".repeat(300) + "x");

    private Texts() {
    }

    /** A random string drawn from many scripts, spaces and symbols (valid UTF-16). */
    static String random(Random random, int length) {
        int[][] ranges = {{0x20, 0x7e}, {0x20, 0x20}, {0x09, 0x0d}, {0xa0, 0x17f}, {0x300, 0x36f}, {0x391, 0x3c9},
            {0x410, 0x44f}, {0x600, 0x6ff}, {0x2000, 0x206f}, {0x2460, 0x24ff}, {0x3000, 0x303f}, {0x4e00, 0x4fff},
            {0xac00, 0xacff}, {0x1f300, 0x1f64f}, {0x1d400, 0x1d4ff}, {0x85, 0x85}, {0x27, 0x27}};
        StringBuilder out = new StringBuilder();
        while (out.length() < length) {
            int[] range = ranges[random.nextInt(ranges.length)];
            out.appendCodePoint(range[0] + random.nextInt(range[1] - range[0] + 1));
        }
        return out.toString();
    }

    static boolean shakespeareAvailable() {
        return Files.isRegularFile(SHAKESPEARE);
    }
}
