package dev.descent.spec;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A fragment of a spec text, {@code spec[from, to)}, that knows its column, so that every error
 * quotes the fragment and points at it in one format ({@link #error}). This is the one tokenizer of
 * descent's {@code name:key=value,...} mini-languages (optimizer, schedule, model and problem
 * specs): they split their text with {@link #split} and read {@code key=value} lists with
 * {@link Pairs}.
 *
 * <p><b>Case.</b> Spec text is case-insensitive: names, keys and words ({@code true}, {@code max},
 * {@code relu}) may be written in any case and mean their lower-case form; {@link #lower()} is
 * the form grammars compare. Numbers are numbers ({@code 1E-3} = {@code 1e-3}).
 *
 * <p><b>Long input.</b> Errors quote at most {@value #MAX_QUOTE} characters of the spec (a window
 * around the fragment, with {@code ...} where it is cut, and the spec's length), so a 10,000
 * character spec is never echoed whole.
 *
 * @param kind what the spec describes, for messages ({@code optimizer}, {@code schedule}, ...)
 * @param spec the whole spec text
 * @param from the fragment's first index in {@code spec}, 0 ≤ from ≤ to
 * @param to the index after the fragment's last character, ≤ spec.length()
 */
public record Token(String kind, String spec, int from, int to) {

    /** The most characters of a spec an error message quotes. */
    public static final int MAX_QUOTE = 80;

    /** The most characters of a fragment an error message quotes. */
    private static final int MAX_FRAGMENT = 40;

    /**
     * Checks the bounds.
     *
     * @throws IllegalArgumentException for a null kind or spec, or bounds outside the spec
     */
    public Token {
        if (kind == null || spec == null) {
            throw new IllegalArgumentException("kind and spec must not be null");
        }
        if (from < 0 || to < from || to > spec.length()) {
            throw new IllegalArgumentException("bad token bounds [" + from + ", " + to + ") in a spec of length "
                    + spec.length());
        }
    }

    /**
     * The whole text of a spec, stripped of surrounding white space.
     *
     * @param kind what the spec describes, for messages
     * @param spec the text; null or blank gives an error naming the kind
     * @return the token of the stripped text
     * @throws SpecException when the spec is null or blank
     */
    public static Token of(String kind, String spec) {
        if (spec == null || spec.isBlank()) {
            throw new SpecException("empty " + kind + " spec");
        }
        return new Token(kind, spec, 0, spec.length()).strip();
    }

    /** {@return the fragment's characters, as written} */
    public String text() {
        return spec.substring(from, to);
    }

    /** {@return the fragment in lower case (the case rule above): what grammars compare names and keys with} */
    public String lower() {
        return text().toLowerCase(Locale.ROOT);
    }

    /** {@return the 1-based column of the fragment's first character in the spec} */
    public int column() {
        return from + 1;
    }

    /** {@return whether the fragment has no characters} */
    public boolean isEmpty() {
        return from == to;
    }

    /** {@return the fragment without leading and trailing white space (its column moves with it)} */
    public Token strip() {
        int a = from;
        int b = to;
        while (a < b && Character.isWhitespace(spec.charAt(a))) {
            a++;
        }
        while (b > a && Character.isWhitespace(spec.charAt(b - 1))) {
            b--;
        }
        return new Token(kind, spec, a, b);
    }

    /**
     * The index of {@code c} in the fragment, relative to its start, or −1.
     *
     * @param c the character
     * @return its first relative index, or −1 when absent
     */
    public int indexOf(char c) {
        int i = spec.indexOf(c, from);
        return i < 0 || i >= to ? -1 : i - from;
    }

    /**
     * The sub-fragment {@code [a, b)} relative to this one's start.
     *
     * @param a the relative start, 0 ≤ a ≤ b
     * @param b the relative end, ≤ the fragment's length
     * @return the sub-fragment
     */
    public Token sub(int a, int b) {
        return new Token(kind, spec, from + a, from + b);
    }

    /**
     * Splits at every {@code sep} into stripped fragments (empty ones included, so that
     * {@code "a,,b"} has an empty middle). With {@code sep = '+'} the sign of an exponent, as in
     * {@code 1e+5}, does not split.
     *
     * @param sep the separator
     * @return the fragments, at least one
     */
    public List<Token> split(char sep) {
        List<Token> parts = new ArrayList<>();
        int start = from;
        for (int i = from; i <= to; i++) {
            if (i == to || (spec.charAt(i) == sep && !(sep == '+' && isExponentSign(i)))) {
                parts.add(new Token(kind, spec, start, i).strip());
                start = i + 1;
            }
        }
        return parts;
    }

    private boolean isExponentSign(int i) {
        return i - 2 >= from && (spec.charAt(i - 1) == 'e' || spec.charAt(i - 1) == 'E')
                && (Character.isDigit(spec.charAt(i - 2)) || spec.charAt(i - 2) == '.');
    }

    /**
     * The error for this fragment, in the one format: {@code 'FRAGMENT' at column N of KIND spec
     * 'SPEC': MESSAGE}, or {@code KIND spec 'SPEC': MESSAGE} when the fragment is the whole spec.
     * Long texts are quoted shortened.
     *
     * @param message what is wrong and what is expected, one line
     * @return the exception to throw
     */
    public SpecException error(String message) {
        Token whole = new Token(kind, spec, 0, spec.length()).strip();
        if (from == whole.from && to == whole.to) {
            return new SpecException(kind + " spec " + quoteSpec() + ": " + message);
        }
        return new SpecException("'" + quote(text(), MAX_FRAGMENT) + "' at column " + column() + " of " + kind
                + " spec " + quoteSpec() + ": " + message);
    }

    /**
     * The spec in quotes, or, when it is longer than {@link #MAX_QUOTE}, a window of it around this
     * fragment followed by the spec's length.
     */
    private String quoteSpec() {
        if (spec.length() <= MAX_QUOTE) {
            return "'" + oneLine(spec) + "'";
        }
        int start = Math.max(0, Math.min(from - MAX_QUOTE / 2, spec.length() - MAX_QUOTE));
        int end = Math.min(spec.length(), start + MAX_QUOTE);
        return "'" + (start > 0 ? "..." : "") + oneLine(spec.substring(start, end)) + (end < spec.length() ? "..." : "")
                + "' (" + spec.length() + " characters)";
    }

    /**
     * {@code s} on one line, cut to {@code max} characters with {@code ...} when longer.
     *
     * @param s the text
     * @param max the most characters kept, ≥ 4
     * @return the quoted form
     */
    public static String quote(String s, int max) {
        String t = s.length() <= max ? s : s.substring(0, max - 3) + "...";
        return oneLine(t);
    }

    private static String oneLine(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            b.append(Character.isISOControl(c) ? ' ' : c);
        }
        return b.toString();
    }
}
