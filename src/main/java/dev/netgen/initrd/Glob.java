package dev.netgen.initrd;

/**
 * fnmatch(3) without flags, as modprobe matches modalias strings against {@code alias} patterns:
 * {@code *}, {@code ?} and bracket expressions with ranges and {@code !}/{@code ^} negation.
 */
final class Glob {
    private Glob() {
    }

    static boolean matches(String pattern, String text) {
        return match(pattern, 0, text, 0);
    }

    private static boolean match(String p, int pi, String t, int ti) {
        while (pi < p.length()) {
            char c = p.charAt(pi);
            if (c == '*') {
                while (pi < p.length() && p.charAt(pi) == '*') {
                    pi++;
                }
                if (pi == p.length()) {
                    return true;
                }
                for (int k = ti; k <= t.length(); k++) {
                    if (match(p, pi, t, k)) {
                        return true;
                    }
                }
                return false;
            }
            if (ti >= t.length()) {
                return false;
            }
            if (c == '?') {
                pi++;
                ti++;
            } else if (c == '[') {
                int end = bracketEnd(p, pi);
                if (end < 0) { // an unclosed '[' is an ordinary character
                    if (t.charAt(ti) != '[') {
                        return false;
                    }
                    pi++;
                    ti++;
                } else {
                    if (!inBracket(p, pi + 1, end, t.charAt(ti))) {
                        return false;
                    }
                    pi = end + 1;
                    ti++;
                }
            } else {
                if (c != t.charAt(ti)) {
                    return false;
                }
                pi++;
                ti++;
            }
        }
        return ti == t.length();
    }

    /** Index of the ']' closing the bracket expression opened at {@code open}, or -1. */
    private static int bracketEnd(String p, int open) {
        int i = open + 1;
        if (i < p.length() && (p.charAt(i) == '!' || p.charAt(i) == '^')) {
            i++;
        }
        if (i < p.length() && p.charAt(i) == ']') {
            i++; // a leading ']' is a member
        }
        for (; i < p.length(); i++) {
            if (p.charAt(i) == ']') {
                return i;
            }
        }
        return -1;
    }

    private static boolean inBracket(String p, int from, int end, char ch) {
        boolean negate = p.charAt(from) == '!' || p.charAt(from) == '^';
        int i = negate ? from + 1 : from;
        boolean found = false;
        boolean first = true;
        while (i < end) {
            char lo = p.charAt(i);
            if (!first && lo == ']') {
                break;
            }
            first = false;
            if (i + 2 < end && p.charAt(i + 1) == '-') {
                if (lo <= ch && ch <= p.charAt(i + 2)) {
                    found = true;
                }
                i += 3;
            } else {
                if (lo == ch) {
                    found = true;
                }
                i++;
            }
        }
        return found != negate;
    }
}
