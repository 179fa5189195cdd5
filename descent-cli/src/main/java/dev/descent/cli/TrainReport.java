package dev.descent.cli;

import dev.descent.nn.Evaluation;
import dev.descent.stochastic.QuasiNewtonStats;
import java.io.PrintWriter;
import java.util.Locale;

/**
 * What every {@code train} run prints at its end, in text and in {@code --json}, written once for
 * the mini-batch and the full-batch runs: the scores on the training and held-out sets, the
 * run's setup, and the objective line.
 */
final class TrainReport {

    private TrainReport() {}

    /**
     * Adds the scores: train and val loss and accuracy, and what the val set is.
     *
     * @param j the JSON object being built
     * @param train the evaluation on the training set
     * @param val the evaluation on the held-out set
     * @param d the data, which names the held-out set
     * @return {@code j}
     */
    static TrainJson scores(TrainJson j, Evaluation train, Evaluation val, TrainData d) {
        return j.put(Quantity.TRAIN_LOSS.json, train.loss()).put(Quantity.TRAIN_ACCURACY.json, train.accuracy())
                .put(Quantity.VAL_LOSS.json, val.loss()).put(Quantity.VAL_ACCURACY.json, val.accuracy()).put("val", d.heldOut());
    }

    /**
     * Adds the setup: backend, threads, model, optimizer, data and seed.
     *
     * @param j the JSON object being built
     * @param o the command
     * @param backend the matrix-multiply backend and threading
     * @param model the model's description
     * @param optimizer the optimizer's full spec
     * @param d the data
     * @return {@code j}
     */
    static TrainJson setup(TrainJson j, TrainCommand o, String backend, String model, String optimizer, TrainData d) {
        return j.put("backend", backend).put("threads", o.threads).put("model", model).put("optimizer", optimizer)
                .put("data", d.name()).put("seed", o.seed());
    }

    /**
     * Adds the quasi-Newton counters.
     *
     * @param j the JSON object being built
     * @param q the counters
     * @return {@code j}
     */
    static TrainJson stats(TrainJson j, QuasiNewtonStats q) {
        return j.put("pairsAccepted", q.pairsAccepted()).put("pairsDamped", q.pairsDamped()).put("pairsSkipped", q.pairsSkipped())
                .put("lineSearchBacktracks", q.lineSearchBacktracks()).put("lineSearchFailures", q.lineSearchFailures())
                .put("resets", q.resets()).put("batchIncreases", q.batchIncreases()).put("stepsUndone", q.stepsUndone());
    }

    /**
     * Prints the scores line: {@code train loss ... train accuracy ... | val loss ... val accuracy ...}.
     *
     * @param out where
     * @param train the evaluation on the training set
     * @param val the evaluation on the held-out set
     */
    static void printScores(PrintWriter out, Evaluation train, Evaluation val) {
        out.printf(Locale.ROOT, "%s %.4f  %s %.4f | %s %.4f  %s %.4f%n", Quantity.TRAIN_LOSS.text, train.loss(), Quantity.TRAIN_ACCURACY.text,
                train.accuracy(), Quantity.VAL_LOSS.text, val.loss(), Quantity.VAL_ACCURACY.text, val.accuracy());
    }

    /**
     * What the objective is, for the objective line: the mean loss, plus the L2 term when there is one.
     *
     * @param l2 the L2 coefficient, ≥ 0
     * @return {@code mean loss} or {@code mean loss + L2 λ}
     */
    static String objective(double l2) {
        return "mean loss" + (l2 > 0 ? " + L2 " + fmt(l2) : "");
    }

    /**
     * A number to 4 significant digits, as the run header prints them.
     *
     * @param v the number
     * @return it formatted with {@code %.4g}
     */
    static String fmt(double v) {
        return String.format(Locale.ROOT, "%.4g", v);
    }
}
