package dev.descent.optim;

/**
 * Run in a child JVM by {@link ScalarFallbackTest}: prints the kernels in use, then the raw bits
 * of θ after 30 steps of every optimizer on a seeded problem, one optimizer per line.
 */
public final class FallbackMain {

    private FallbackMain() {}

    public static void main(String[] args) {
        System.out.println(Optimizers.kernels());
        for (String spec : StateRoundTripTest.SPECS) {
            System.out.println(trajectoryBits(spec));
        }
    }

    static String trajectoryBits(String spec) {
        OptimizerConfig config = Optimizers.parse(spec);
        Trajectories.Problem p = Trajectories.Problem.random(101, 17);
        float[] x = Trajectories.run(config.create(101), p, 30, config.lr());
        StringBuilder b = new StringBuilder(spec);
        for (float v : x) {
            b.append(' ').append(Integer.toHexString(Float.floatToRawIntBits(v)));
        }
        return b.toString();
    }
}
