package dev.pairwise.corpus.text;

import java.net.Inet6Address;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Replaces personal data with placeholders, as BigScience's ROOTS and StarCoder's pipelines do:
 * e-mail addresses by {@value #EMAIL}, phone numbers by {@value #PHONE}, IPv4 and IPv6 addresses by
 * {@value #IP}. Patterns, not a model: they favour precision. A phone number is a run of 9 to 15
 * digits in groups that either starts with a {@code +} country code, has a bracketed area code, or
 * has the North American 3-3-4 shape; dates ({@code 2021-03-04}), years ranges and short numbers
 * stay. Known misses and false hits: numbers written without separators (a bare 10-digit run is
 * indistinguishable from an order number), and ISBN-like groups with a {@code +}. IPv6 candidates
 * are confirmed by the JDK's literal parser, so clock times such as {@code 10:30:00} stay.
 */
public final class PiiScrubber {

    public static final String EMAIL = "<EMAIL>";
    public static final String PHONE = "<PHONE>";
    public static final String IP = "<IP_ADDRESS>";

    private static final Pattern EMAIL_PATTERN = Pattern.compile(
            "(?<![\\w.+-])[A-Za-z0-9][A-Za-z0-9._%+-]*@[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?"
                    + "(?:\\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)*\\.[A-Za-z]{2,24}(?![\\w-])");
    private static final String OCTET = "(?:25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)";
    private static final Pattern IPV4_PATTERN = Pattern.compile(
            "(?<![\\w.])" + OCTET + "(?:\\." + OCTET + "){3}(?![\\w]|\\.\\d)");
    private static final Pattern IPV6_CANDIDATE = Pattern.compile(
            "(?<![\\w:.])(?:[0-9A-Fa-f]{0,4}:){2,7}(?:" + OCTET + "(?:\\." + OCTET + "){3}|[0-9A-Fa-f]{1,4})?(?![\\w:]|\\.\\d)");
    private static final Pattern PHONE_PATTERN = Pattern.compile(
            "(?<![\\w+])(\\+\\d{1,3}[\\s.-]?)?(\\(\\d{1,4}\\)[\\s.-]?)?\\d{2,5}(?:[\\s.-]\\d{2,5}){1,4}(?![\\w]|[.-]\\d)");
    private static final Pattern NANP = Pattern.compile("\\d{3}[\\s.-]\\d{3}[\\s.-]\\d{4}");

    private PiiScrubber() {
    }

    /** The scrubbed text and how many replacements were made. */
    public record Result(String text, int replaced) {
    }

    /** Replaces e-mail addresses, IP addresses (IPv6 first: it may embed an IPv4) and phone numbers, in that order. */
    public static Result scrub(String text) {
        int[] count = {0};
        String s = replace(EMAIL_PATTERN, text, count, m -> EMAIL);
        s = replace(IPV6_CANDIDATE, s, count, m -> isIpv6(m.group()) ? IP : null);
        s = replace(IPV4_PATTERN, s, count, m -> IP);
        s = replace(PHONE_PATTERN, s, count, m -> isPhone(m) ? PHONE : null);
        return new Result(s, count[0]);
    }

    private interface Replacement {
        /** The placeholder, or null to leave the match as it is. */
        String of(Matcher m);
    }

    private static String replace(Pattern pattern, String text, int[] count, Replacement replacement) {
        Matcher m = pattern.matcher(text);
        StringBuilder out = null;
        int last = 0;
        while (m.find()) {
            String placeholder = replacement.of(m);
            if (placeholder == null) {
                continue;
            }
            if (out == null) {
                out = new StringBuilder(text.length());
            }
            out.append(text, last, m.start()).append(placeholder);
            last = m.end();
            count[0]++;
        }
        if (out == null) {
            return text;
        }
        return out.append(text, last, text.length()).toString();
    }

    private static boolean isIpv6(String candidate) {
        long hexDigits = candidate.chars().filter(c -> Character.digit(c, 16) >= 0).count();
        if (hexDigits < 2) {
            return false;
        }
        try {
            Inet6Address.ofLiteral(candidate);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static boolean isPhone(Matcher m) {
        String match = m.group();
        int digits = (int) match.chars().filter(Character::isDigit).count();
        if (digits < 9 || digits > 15) {
            return false;
        }
        boolean countryCode = m.group(1) != null;
        boolean areaCode = m.group(2) != null;
        return countryCode || areaCode || NANP.matcher(match).matches();
    }
}
