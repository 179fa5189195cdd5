package dev.descent.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Usage errors of {@code descent tour} (the full run is tested in tour.TourEndToEndTest). */
class TourCommandTest {

    @Test
    void badOptionsAreUsageErrors() {
        var a = LrFindCommandTest.run("tour", "--data", "mnist");
        assertThat(a.code()).isEqualTo(2);
        assertThat(a.err()).contains("--data must be embedded or fashion-mnist").hasLineCount(1);
        var b = LrFindCommandTest.run("tour", "--sections", "9");
        assertThat(b.code()).isEqualTo(2);
        assertThat(b.err()).contains("1 to " + dev.descent.cli.tour.Tour.experiments().size());
    }

    @Test
    void helpListsTheOptions() {
        var h = LrFindCommandTest.run("tour", "--help");
        assertThat(h.code()).isZero();
        assertThat(h.out()).contains("--out", "--data", "--quick", "--seed", "--sections");
        // the section list is derived from the tour's one list of experiments
        assertThat(h.out().replaceAll("\\s+", " ")).contains("Sections: " + dev.descent.cli.tour.Tour.sectionList());
    }
}
