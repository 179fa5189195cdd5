package dev.descent.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SyntheticAndCsvTest {

    @TempDir
    Path dir;

    @Test
    void spiralHasTheCourseShape() {
        Dataset s = Synthetic.spiral(3, 100, 0.2, 0);
        assertThat(s.n()).isEqualTo(300);
        assertThat(s.classCounts()).containsExactly(100, 100, 100);
        // first point of every arm is the origin (r = 0); the last has radius 1
        assertThat(s.x()[0]).isEqualTo(0f);
        double r = Math.hypot(s.x()[2 * 99], s.x()[2 * 99 + 1]);
        assertThat(r).isCloseTo(1.0, within(1e-6));
        assertThat(Synthetic.spiral(3, 100, 0.2, 0).x()).isEqualTo(s.x());
        assertThat(Synthetic.spiral(3, 100, 0.2, 1).x()).isNotEqualTo(s.x());
    }

    @Test
    void blobsAndMoons() {
        Dataset b = Synthetic.blobs(4, 50, 3, 1.0, 5);
        assertThat(b.d()).isEqualTo(3);
        assertThat(b.classCounts()).containsExactly(50, 50, 50, 50);
        Dataset m = Synthetic.moons(100, 0.0, 1);
        assertThat(m.x()[0]).isEqualTo(1f); // (cos 0, sin 0)
        assertThat(m.x()[2 * 100]).isEqualTo(0f); // (1 - cos 0, 0.5 - sin 0)
        assertThat(m.x()[2 * 100 + 1]).isEqualTo(0.5f);
        assertThatThrownBy(() -> Synthetic.spiral(1, 10, 0, 0)).hasMessageContaining("classes must be ≥ 2");
    }

    @Test
    void csvByNameIndexAndDefault() throws Exception {
        Path f = dir.resolve("d.csv");
        Files.writeString(f, "a,kind,b\n1,cat,2\n3,dog,4\n\n5,cat,6\n");
        Dataset byName = Csv.read(f, "kind");
        assertThat(byName.n()).isEqualTo(3);
        assertThat(byName.x()).containsExactly(1, 2, 3, 4, 5, 6);
        assertThat(byName.y()).containsExactly(0, 1, 0);
        assertThat(Csv.read(f, "1").y()).containsExactly(0, 1, 0);
        Path g = dir.resolve("e.csv");
        Files.writeString(g, "0.5,1.5,2\n1,1,0\n2,2,1\n");
        Dataset last = Csv.read(g, null);
        assertThat(last.classes()).isEqualTo(3);
        assertThat(last.y()).containsExactly(2, 0, 1);
    }

    @Test
    void csvErrorsNameTheProblem() throws Exception {
        Path f = dir.resolve("bad.csv");
        Files.writeString(f, "x,y\n1,0\n2\n");
        assertThatThrownBy(() -> Csv.read(f, null)).hasMessageContaining("bad.csv: data row 2 has 1 fields, expected 2");
        Files.writeString(f, "x,y\n1,0\nq,1\n");
        assertThatThrownBy(() -> Csv.read(f, null)).hasMessageContaining("'q' is not a number");
        Files.writeString(f, "x,y\n1,0\n2,1\n");
        assertThatThrownBy(() -> Csv.read(f, "z")).hasMessageContaining("no column named 'z'");
    }

    @Test
    void stratifiedSplitAndNormalizationFromTrainingOnly() {
        Dataset b = Synthetic.blobs(2, 50, 2, 1.0, 5);
        Split s = Split.stratified(b, 0.2, 9);
        assertThat(s.heldOut().classCounts()).containsExactly(10, 10);
        assertThat(s.train().classCounts()).containsExactly(40, 40);
        Normalization nz = Normalization.fit(s.train(), Normalization.Mode.PER_FEATURE);
        Dataset t = nz.apply(s.train());
        double m = 0;
        double v = 0;
        for (int i = 0; i < t.n(); i++) {
            m += t.x()[2 * i];
        }
        m /= t.n();
        for (int i = 0; i < t.n(); i++) {
            v += (t.x()[2 * i] - m) * (t.x()[2 * i] - m);
        }
        assertThat(m).isCloseTo(0, within(1e-5));
        assertThat(v / t.n()).isCloseTo(1, within(1e-4));
        // the held-out part uses the training statistics, so its mean is not exactly 0
        Dataset h = nz.apply(s.heldOut());
        assertThat(h.x()[0]).isEqualTo((s.heldOut().x()[0] - nz.mean()[0]) / nz.std()[0]);
        Normalization g = Normalization.fit(s.train(), Normalization.Mode.GLOBAL);
        assertThat(g.mean()[0]).isEqualTo(g.mean()[1]);
    }
}
