package dev.descent.nn;

import dev.descent.spec.SpecException;
import dev.descent.spec.Token;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A model described in one line of text, for the command line.
 *
 * <pre>
 *   softmax                       multinomial logistic regression: Dense(in → classes), zero init
 *   mlp:256,128                   Dense 256, ReLU, Dense 128, ReLU, Dense classes (He init)
 *   mlp:256,128:tanh              the same with tanh (Xavier init); also relu, leakyrelu, sigmoid, gelu
 *   mlp:256:bn:dropout=0.2        each hidden block is Dense, BatchNorm1d, activation, Dropout(0.2)
 *   ...:init=he|xavier|zeros      override the weight init
 *   ...:loss=ce|mse|bce           the loss (default ce, softmax cross-entropy)
 * </pre>
 *
 * Options after the first part may come in any order, each at most once. Names, options and
 * words ignore case.
 *
 * @param hidden hidden-layer widths, each ≥ 1 (empty for {@code softmax})
 * @param activation the hidden nonlinearity
 * @param batchNorm whether each hidden block has a BatchNorm1d after its Dense layer
 * @param dropout drop probability after each hidden activation, in [0, 1); 0 for none
 * @param init the weight initialization
 * @param loss the loss
 * @param inputSize features per input row, ≥ 1
 * @param classes outputs, ≥ 1
 */
public record ModelSpec(List<Integer> hidden, Activation activation, boolean batchNorm, double dropout,
                        Init init, Loss loss, int inputSize, int classes) {

    /**
     * Validates the spec and copies {@code hidden}.
     *
     * @throws IllegalArgumentException naming the field out of its range
     */
    public ModelSpec {
        hidden = List.copyOf(hidden);
        for (int h : hidden) {
            if (h < 1) {
                throw new IllegalArgumentException("hidden layer width must be >= 1, got " + h);
            }
        }
        if (!(dropout >= 0 && dropout < 1)) {
            throw new IllegalArgumentException("dropout must be in [0, 1), got " + dropout);
        }
        if (inputSize < 1 || classes < 1) {
            throw new IllegalArgumentException("inputSize and classes must be >= 1, got " + inputSize + " and " + classes);
        }
        java.util.Objects.requireNonNull(activation, "activation");
        java.util.Objects.requireNonNull(init, "init");
        java.util.Objects.requireNonNull(loss, "loss");
    }

    /**
     * Parses a spec (grammar above) for inputs of {@code inputSize} features and {@code classes}
     * outputs. Names, options and words ignore case. Errors quote the wrong fragment and its column
     * in the format every spec shares ({@link Token#error}).
     *
     * @param text the spec
     * @param inputSize features per input row, ≥ 1
     * @param classes outputs, ≥ 1
     * @return the spec
     * @throws IllegalArgumentException naming the part that is wrong and what is expected
     */
    public static ModelSpec parse(String text, int inputSize, int classes) {
        if (text == null || text.isBlank()) {
            throw new SpecException("empty model spec: use softmax or mlp:H1,H2,... (e.g. mlp:256,128)");
        }
        List<Token> parts = Token.of("model", text).split(':');
        Token head = parts.get(0);
        List<Integer> hidden = new ArrayList<>();
        int first;
        boolean softmax;
        switch (head.lower()) {
            case "softmax", "logistic" -> {
                softmax = true;
                first = 1;
            }
            case "mlp" -> {
                softmax = false;
                if (parts.size() < 2 || parts.get(1).isEmpty()) {
                    throw head.error("mlp needs hidden sizes, e.g. mlp:256,128");
                }
                for (Token h : parts.get(1).split(',')) {
                    hidden.add(width(h));
                }
                first = 2;
            }
            default -> throw head.error("unknown model '" + Token.quote(head.text(), 40)
                    + "', use softmax or mlp:H1,H2,...");
        }
        Activation act = null;
        boolean bn = false;
        Double dropout = null;
        Init init = null;
        Loss loss = null;
        for (int i = first; i < parts.size(); i++) {
            Token opt = parts.get(i);
            int eq = opt.indexOf('=');
            String key = (eq < 0 ? opt : opt.sub(0, eq)).strip().lower();
            String value = eq < 0 ? null : opt.sub(eq + 1, opt.to() - opt.from()).strip().text();
            Activation a = eq < 0 ? Activation.find(key) : null;
            if (a != null) {
                if (act != null) {
                    throw opt.error("activation given twice ('" + act.id() + "' and '" + key + "')");
                }
                act = a;
            } else if (eq < 0 && key.equals("bn")) {
                if (bn) {
                    throw opt.error("'bn' given twice");
                }
                bn = true;
            } else if (eq >= 0 && (key.equals("dropout") || key.equals("init") || key.equals("loss"))) {
                if ((key.equals("dropout") && dropout != null) || (key.equals("init") && init != null)
                        || (key.equals("loss") && loss != null)) {
                    throw opt.error(key + " given twice");
                }
                try {
                    switch (key) {
                        case "dropout" -> dropout = dropout(opt, value);
                        case "init" -> init = Init.of(value);
                        default -> loss = Loss.of(value);
                    }
                } catch (SpecException e) {
                    throw e;
                } catch (IllegalArgumentException e) {
                    throw opt.error(e.getMessage());
                }
            } else {
                throw opt.error("unknown option '" + Token.quote(opt.text(), 40) + "': use relu, leakyrelu, tanh, "
                        + "sigmoid, gelu, bn, dropout=P, init=he|xavier|zeros or loss=ce|mse|bce");
            }
            if (softmax && (act != null || bn || dropout != null)) {
                throw opt.error("option '" + key + "' needs hidden layers; softmax takes only init= and loss=");
            }
        }
        if (act == null) {
            act = Activation.RELU;
        }
        if (init == null) {
            init = softmax ? Init.ZEROS : act.defaultInit();
        }
        return new ModelSpec(hidden, act, bn, dropout == null ? 0 : dropout, init,
                loss == null ? Loss.softmaxCrossEntropy() : loss, inputSize, classes);
    }

    /** A hidden width: a whole number in [1, 1000000]. */
    private static int width(Token h) {
        String v = h.text();
        long n;
        try {
            n = v.chars().allMatch(Character::isDigit) && !v.isEmpty() ? Long.parseLong(v) : -1;
        } catch (NumberFormatException tooLong) {
            n = Long.MAX_VALUE;
        }
        if (n < 0) {
            throw h.error("hidden size '" + Token.quote(v, 40) + "' is not a positive integer");
        }
        if (n < 1 || n > MAX_WIDTH) {
            throw h.error("hidden size " + Token.quote(v, 40) + " must be in [1, " + MAX_WIDTH + "]");
        }
        return (int) n;
    }

    /** A drop probability in [0, 1). */
    private static double dropout(Token opt, String value) {
        double p;
        try {
            p = value.matches("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?") ? Double.parseDouble(value) : Double.NaN;
        } catch (NumberFormatException e) {
            p = Double.NaN;
        }
        if (Double.isNaN(p)) {
            throw opt.error("dropout '" + Token.quote(value, 40) + "' is not a number in [0, 1)");
        }
        if (!(p >= 0 && p < 1)) {
            throw opt.error("dropout " + Token.quote(value, 40) + " must be in [0, 1)");
        }
        return p;
    }

    /** The largest hidden width a spec accepts. */
    private static final int MAX_WIDTH = 1_000_000;

    /**
     * Builds the model, with workspaces for up to 256 rows.
     *
     * @param seed the initialization seed
     * @return a new model with parameters initialized from {@code seed}
     */
    public Model build(long seed) {
        return build(seed, 256);
    }

    /**
     * Builds the model.
     *
     * @param seed the initialization seed
     * @param maxBatch the most rows a forward pass takes, ≥ 1 (its workspaces are sized for it)
     * @return a new model with parameters initialized from {@code seed}
     */
    public Model build(long seed, int maxBatch) {
        ModelBuilder b = Model.builder(inputSize).loss(loss).maxBatch(maxBatch);
        for (int h : hidden) {
            b.dense(h, init);
            if (batchNorm) {
                b.batchNorm();
            }
            b.activation(activation);
            if (dropout > 0) {
                b.dropout(dropout);
            }
        }
        // the output layer of a ReLU network keeps the same init family; Xavier for tanh/sigmoid
        return b.dense(classes, init).build(seed);
    }

    /** The canonical text form; {@code parse(toString(), inputSize, classes)} gives this spec back. */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder();
        if (hidden.isEmpty()) {
            sb.append("softmax");
        } else {
            sb.append("mlp:");
            for (int i = 0; i < hidden.size(); i++) {
                sb.append(i == 0 ? "" : ",").append(hidden.get(i));
            }
            sb.append(':').append(activation.id());
            if (batchNorm) {
                sb.append(":bn");
            }
            if (dropout > 0) {
                sb.append(":dropout=").append(dropout);
            }
        }
        sb.append(":init=").append(init.name().toLowerCase(Locale.ROOT));
        String l = loss.name().equals("cross-entropy") ? "ce" : loss.name();
        return sb.append(":loss=").append(l).toString();
    }
}
