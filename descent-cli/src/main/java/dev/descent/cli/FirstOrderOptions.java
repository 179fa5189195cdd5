package dev.descent.cli;

import dev.descent.minimize.Method;
import dev.descent.optim.OptimizerConfig;
import dev.descent.optim.Optimizers;
import dev.descent.schedule.Schedule;
import dev.descent.schedule.ScheduleSpec;
import picocli.CommandLine.Option;

/**
 * {@code minimize}'s options for a first-order optimizer given as {@code --method}: the learning
 * rate, momentum, weight decay and schedule, each given either here or in the method's spec, not
 * both ({@link OptionRules#refuseTwice}). A picocli mixin.
 */
final class FirstOrderOptions {

    @Option(names = "--lr", paramLabel = "X", description = "Learning rate (first-order methods); give it here or in the spec (adam:lr=0.1), not both.")
    Double lr;

    @Option(names = "--momentum", paramLabel = "MU", description = "Momentum (sgd, momentum, nesterov).")
    Double momentum;

    @Option(names = "--weight-decay", paramLabel = "W", description = "Weight decay (first-order methods).")
    Double weightDecay;

    @Option(names = "--schedule", paramLabel = "SPEC", description = "Learning-rate schedule (first-order methods), e.g. cosine:steps=1000.")
    String schedule;

    /**
     * The first-order method: the optimizer spec as typed, refined by these options.
     *
     * @param method the {@code --method} text, naming an optimizer
     * @return the method
     * @throws IllegalArgumentException when a value is given twice or out of range
     */
    Method.FirstOrder method(String method) {
        OptionRules.refuseTwice(method, "--method", "lr", "--lr", lr);
        OptionRules.refuseTwice(method, "--method", "momentum", "--momentum", momentum);
        OptionRules.refuseTwice(method, "--method", "weight_decay", "--weight-decay", weightDecay);
        StringBuilder specText = new StringBuilder(method.strip());
        String sep = method.contains(":") ? "," : ":";
        if (lr != null) {
            specText.append(sep).append("lr=").append(lr);
            sep = ",";
        }
        if (momentum != null) {
            specText.append(sep).append("momentum=").append(momentum);
            sep = ",";
        }
        if (weightDecay != null) {
            specText.append(sep).append("weight_decay=").append(weightDecay);
        }
        OptimizerConfig c = Optimizers.parse(specText.toString());
        Schedule sch = schedule == null ? null : ScheduleSpec.parse(schedule, c.lr());
        return new Method.FirstOrder(c, sch);
    }

    /**
     * Refuses these options for a method that chooses its steps by line search.
     *
     * @param method the {@code --method} text
     * @throws IllegalArgumentException when any of them is given
     */
    void refuseFor(String method) {
        if (lr != null || momentum != null || weightDecay != null || schedule != null) {
            throw new IllegalArgumentException("--lr, --momentum, --weight-decay and --schedule apply to first-order optimizers (sgd, adam, ...), not to "
                    + method + ", which chooses its steps by line search");
        }
    }
}
