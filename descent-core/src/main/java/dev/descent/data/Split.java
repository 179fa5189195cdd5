package dev.descent.data;

/**
 * A data set divided into a training part and a held-out part (validation or test).
 *
 * @param train the rows to fit on
 * @param heldOut the rows to evaluate on
 */
public record Split(Dataset train, Dataset heldOut) {

    /**
     * Holds out a seeded, class-stratified fraction of {@code data}: within each class, the
     * rows are shuffled and the first ⌊fraction·count⌉ go to the held-out part, so both parts
     * keep the class proportions.
     *
     * @param fraction the held-out share, in (0, 1)
     * @param seed the shuffling seed
     * @throws IllegalArgumentException when a part would be empty
     * @param data the rows to split
     * @return the remaining rows (train) and the held-out ones
     */
    public static Split stratified(Dataset data, double fraction, long seed) {
        if (!(fraction > 0 && fraction < 1)) {
            throw new IllegalArgumentException("validation fraction must be in (0, 1), got " + fraction);
        }
        if (data.isRegression()) {
            throw new IllegalArgumentException("a regression set has no classes to stratify by: use Split.random");
        }
        int[] counts = data.classCounts();
        int[][] byClass = new int[data.classes()][];
        int[] fill = new int[data.classes()];
        for (int c = 0; c < counts.length; c++) {
            byClass[c] = new int[counts[c]];
        }
        for (int i = 0; i < data.n(); i++) {
            int c = data.y()[i];
            byClass[c][fill[c]++] = i;
        }
        Rng rng = new Rng(seed);
        int[] held = new int[data.n()];
        int[] kept = new int[data.n()];
        int h = 0;
        int k = 0;
        for (int[] rows : byClass) {
            rng.shuffle(rows);
            int take = (int) Math.round(fraction * rows.length);
            for (int r = 0; r < rows.length; r++) {
                if (r < take) {
                    held[h++] = rows[r];
                } else {
                    kept[k++] = rows[r];
                }
            }
        }
        if (h == 0 || k == 0) {
            throw new IllegalArgumentException("a validation fraction of " + fraction + " of " + data.n() + " rows leaves a part empty");
        }
        java.util.Arrays.sort(held, 0, h);
        java.util.Arrays.sort(kept, 0, k);
        return new Split(data.subset(java.util.Arrays.copyOf(kept, k)), data.subset(java.util.Arrays.copyOf(held, h)));
    }

    /**
     * Holds out a seeded random fraction of {@code data} (classification or regression): the rows
     * are shuffled and the first ⌊fraction·n⌉ go to the held-out part; both parts keep the
     * original row order.
     *
     * @param data the set to divide
     * @param fraction the held-out share, in (0, 1)
     * @param seed the shuffling seed
     * @return the training part and the held-out part
     * @throws IllegalArgumentException when a part would be empty
     */
    public static Split random(Dataset data, double fraction, long seed) {
        if (!(fraction > 0 && fraction < 1)) {
            throw new IllegalArgumentException("validation fraction must be in (0, 1), got " + fraction);
        }
        int[] rows = new int[data.n()];
        for (int i = 0; i < rows.length; i++) {
            rows[i] = i;
        }
        new Rng(seed).shuffle(rows);
        int take = (int) Math.round(fraction * rows.length);
        if (take == 0 || take == rows.length) {
            throw new IllegalArgumentException("a validation fraction of " + fraction + " of " + data.n() + " rows leaves a part empty");
        }
        int[] held = java.util.Arrays.copyOf(rows, take);
        int[] kept = java.util.Arrays.copyOfRange(rows, take, rows.length);
        java.util.Arrays.sort(held);
        java.util.Arrays.sort(kept);
        return new Split(data.subset(kept), data.subset(held));
    }
}
