package dev.descent.cli;

import java.nio.file.Path;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Rules that several commands apply to their flags, written once: a value given both in a spec
 * and by a flag, library messages in flag names, a library range error under its flag's name,
 * and paths quoted as shell words in the commands we print.
 */
final class OptionRules {

    private OptionRules() {}

    /**
     * The one rule for a value that both a spec and a flag can give (the learning rate in train
     * and minimize, momentum and weight decay in minimize): give it once; both is a usage error.
     *
     * @param specText the optimizer spec as typed
     * @param specFlag the flag that holds it (--optimizer, --method)
     * @param key the spec's key, for example lr
     * @param flag the flag that gives the same value, for example --lr
     * @param value the flag's value, or null when not given
     * @throws IllegalArgumentException when both give it
     */
    static void refuseTwice(String specText, String specFlag, String key, String flag, Object value) {
        if (value == null || specText == null) {
            return;
        }
        int colon = specText.indexOf(':');
        if (colon < 0) {
            return;
        }
        for (String kv : specText.substring(colon + 1).split(",")) {
            int eq = kv.indexOf('=');
            if (eq > 0 && kv.substring(0, eq).strip().equalsIgnoreCase(key)) {
                throw new IllegalArgumentException(key + " is given twice, as " + specFlag + " ..." + kv.strip() + " and as " + flag + " "
                        + value + "; give it once (in the spec, or with " + flag + ")");
            }
        }
    }

    /** TrainConfig's parameter names in a message, as train's flags. */
    private static final Map<String, String> TRAIN_FLAGS = Map.of("epochs", "--epochs", "maxSteps", "--steps", "batchSize", "--batch",
            "clipNorm", "--clip", "evalEvery", "--eval-every", "checkpointEvery", "--checkpoint-every");

    /**
     * A {@code TrainConfig} message with its parameter names replaced by train's flags.
     *
     * @param message the library's message
     * @return the message a user of {@code train} understands
     */
    static String flagNames(String message) {
        String m = message;
        for (Map.Entry<String, String> f : TRAIN_FLAGS.entrySet()) {
            m = m.replaceAll("\\b" + f.getKey() + "\\b", f.getValue());
        }
        return m;
    }

    /**
     * Builds a library value from a flag's value; its range error is reported under the flag's name.
     *
     * @param flag the flag, for example --memory
     * @param build builds the value
     * @return the value
     * @throws IllegalArgumentException the library's message after the flag's name
     */
    static <T> T forFlag(String flag, Supplier<T> build) {
        try {
            return build.get();
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(flag + ": " + e.getMessage(), e);
        }
    }

    /**
     * A path as a shell word: quoted when it holds anything but plain characters.
     *
     * @param p the path
     * @return the path, copyable into a shell
     */
    static String quoted(Path p) {
        String s = p.toString();
        return s.matches("[A-Za-z0-9_./:@%+=,-]+") ? s : "'" + s.replace("'", "'\\''") + "'";
    }
}
