package dev.descent.problems;

import dev.descent.spec.Pairs;
import dev.descent.spec.Token;
import java.util.List;

/**
 * The parameters of a problem spec such as {@code quadratic:kappa=1e4,seed=3}: comma-separated
 * {@code key=value} pairs after the first ':', read with the shared spec tokenizer
 * ({@link Pairs}), so errors quote the pair and its column. Each getter validates its value and
 * range.
 */
final class Params {

    static final Params NONE = new Params(null);

    private final Pairs pairs;

    private Params(Pairs pairs) {
        this.pairs = pairs;
    }

    /**
     * Parses the pairs of {@code spec} after its first ':' for a problem taking {@code known} keys.
     *
     * @throws dev.descent.spec.SpecException for a malformed pair or a key the problem does not take
     */
    static Params parse(Token spec, String problem, List<String> known) {
        int colon = spec.indexOf(':');
        Token list = spec.sub(colon + 1, spec.to() - spec.from()).strip();
        if (known.isEmpty()) {
            throw spec.error("problem '" + problem + "' takes no parameters");
        }
        if (list.isEmpty()) {
            throw spec.error("nothing after ':'; valid parameters of " + problem + ": " + String.join(", ", known));
        }
        return new Params(Pairs.parse(spec, list, ',', problem, known));
    }

    double real(String key, double fallback, double min, double max) {
        if (pairs == null) {
            return fallback;
        }
        double v = pairs.real(key, fallback);
        if (!(v >= min && v <= max)) {
            throw pairs.error(key, key + " must be a number in [" + min + ", " + max + "], got " + v);
        }
        return v;
    }

    long integer(String key, long fallback, long min, long max) {
        if (pairs == null || !pairs.has(key)) {
            return fallback;
        }
        String text = pairs.text(key);
        long v;
        try {
            v = Long.parseLong(text);
        } catch (NumberFormatException e) {
            throw pairs.error(key, "'" + Token.quote(text, 40) + "' is not an integer");
        }
        if (v < min || v > max) {
            throw pairs.error(key, key + " must be in [" + min + ", " + max + "], got " + v);
        }
        return v;
    }

    boolean bool(String key, boolean fallback) {
        return pairs == null ? fallback : pairs.bool(key, fallback);
    }
}
