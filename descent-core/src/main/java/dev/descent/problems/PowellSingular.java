package dev.descent.problems;

import java.util.List;

/**
 * Powell singular function, Moré–Garbow–Hillstrom (1981) problem 13: n = 4, m = 4,
 * r₁ = x₁ + 10x₂, r₂ = √5(x₃ − x₄), r₃ = (x₂ − 2x₃)², r₄ = √10(x₁ − x₄)²;
 * x0 = (3, −1, 0, 1); f* = 0 at the origin, where the Hessian is singular.
 *
 * <p>It is the one-block case of the extended Powell function (problem 22), whose
 * implementation it shares.
 */
final class PowellSingular {

    private PowellSingular() {}

    static Problem problem() {
        return new Problem("powell-singular", List.of("mgh:13"), 4, new double[] {3, -1, 0, 1},
                new ExtendedPowell(4), 0, new double[4], null,
                "Moré–Garbow–Hillstrom (1981) problem 13, Powell singular; n = 4, m = 4;"
                        + " the Hessian is singular at x*");
    }
}
