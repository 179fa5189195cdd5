package dev.descent.nn;

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
 * Options after the first part may come in any order, each at most once.
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
     * outputs.
     *
     * @throws IllegalArgumentException naming the part that is wrong and what is expected
     */
    public static ModelSpec parse(String text, int inputSize, int classes) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("empty model spec: use softmax or mlp:H1,H2,... (e.g. mlp:256,128)");
        }
        String[] parts = text.strip().toLowerCase(Locale.ROOT).split(":", -1);
        List<Integer> hidden = new ArrayList<>();
        int first;
        boolean softmax;
        switch (parts[0]) {
            case "softmax", "logistic" -> {
                softmax = true;
                first = 1;
            }
            case "mlp" -> {
                softmax = false;
                if (parts.length < 2 || parts[1].isBlank()) {
                    throw new IllegalArgumentException("model spec '" + text
                            + "': mlp needs hidden sizes, e.g. mlp:256,128");
                }
                for (String h : parts[1].split(",", -1)) {
                    int v;
                    try {
                        v = Integer.parseInt(h.strip());
                    } catch (NumberFormatException e) {
                        throw new IllegalArgumentException("model spec '" + text + "': hidden size '" + h
                                + "' is not a positive integer");
                    }
                    if (v < 1 || v > 1_000_000) {
                        throw new IllegalArgumentException("model spec '" + text + "': hidden size " + v
                                + " must be in [1, 1000000]");
                    }
                    hidden.add(v);
                }
                first = 2;
            }
            default -> throw new IllegalArgumentException("model spec '" + text + "': unknown model '" + parts[0]
                    + "', use softmax or mlp:H1,H2,...");
        }
        Activation act = null;
        Boolean bn = null;
        Double dropout = null;
        Init init = null;
        Loss loss = null;
        for (int i = first; i < parts.length; i++) {
            String opt = parts[i].strip();
            Activation a = Activation.find(opt);
            String err = "model spec '" + text + "': ";
            if (a != null) {
                if (act != null) {
                    throw new IllegalArgumentException(err + "activation given twice ('" + act.id() + "' and '" + opt + "')");
                }
                act = a;
            } else if (opt.equals("bn")) {
                if (bn != null) {
                    throw new IllegalArgumentException(err + "'bn' given twice");
                }
                bn = true;
            } else if (opt.startsWith("dropout=")) {
                if (dropout != null) {
                    throw new IllegalArgumentException(err + "dropout given twice");
                }
                String v = opt.substring("dropout=".length());
                try {
                    dropout = Double.parseDouble(v);
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException(err + "dropout '" + v + "' is not a number in [0, 1)");
                }
                if (!(dropout >= 0 && dropout < 1)) {
                    throw new IllegalArgumentException(err + "dropout " + v + " must be in [0, 1)");
                }
            } else if (opt.startsWith("init=")) {
                if (init != null) {
                    throw new IllegalArgumentException(err + "init given twice");
                }
                try {
                    init = Init.of(opt.substring(5));
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException(err + e.getMessage());
                }
            } else if (opt.startsWith("loss=")) {
                if (loss != null) {
                    throw new IllegalArgumentException(err + "loss given twice");
                }
                try {
                    loss = Loss.of(opt.substring(5));
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException(err + e.getMessage());
                }
            } else {
                throw new IllegalArgumentException(err + "unknown option '" + opt + "': use relu, leakyrelu, tanh, "
                        + "sigmoid, gelu, bn, dropout=P, init=he|xavier|zeros or loss=ce|mse|bce");
            }
            if (softmax && (act != null || bn != null || dropout != null)) {
                throw new IllegalArgumentException(err + "option '" + opt
                        + "' needs hidden layers; softmax takes only init= and loss=");
            }
        }
        if (act == null) {
            act = Activation.RELU;
        }
        if (init == null) {
            init = softmax ? Init.ZEROS : act.defaultInit();
        }
        return new ModelSpec(hidden, act, bn != null, dropout == null ? 0 : dropout, init,
                loss == null ? Loss.softmaxCrossEntropy() : loss, inputSize, classes);
    }

    /** Builds the model with parameters initialized from {@code seed} and workspaces for 256 rows. */
    public Model build(long seed) {
        return build(seed, 256);
    }

    /** Builds the model with parameters initialized from {@code seed} and workspaces for {@code maxBatch} rows. */
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
