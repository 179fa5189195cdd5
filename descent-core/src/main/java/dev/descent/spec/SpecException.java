package dev.descent.spec;

/**
 * A malformed spec. The message is one line in one format: it quotes the wrong fragment, gives
 * its column in the spec (1 = the first character), quotes the spec (shortened around that column
 * when it is long) and says what is expected, for example
 * {@code 'gama=0.1' at column 15 of schedule spec 'step:every=30,gama=0.1': unknown key 'gama';
 * valid keys for step: lr, every, gamma}. Messages name the spec's keys, never Java names.
 */
public final class SpecException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    /**
     * A spec error with a complete one-line message; {@link Token#error} writes it.
     *
     * @param message the message, one line
     */
    public SpecException(String message) {
        super(message);
    }
}
