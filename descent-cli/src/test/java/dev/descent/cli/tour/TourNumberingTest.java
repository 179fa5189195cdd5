package dev.descent.cli.tour;

import static org.assertj.core.api.Assertions.assertThat;

import dev.descent.cli.report.Report;
import dev.descent.cli.report.Section;
import dev.descent.cli.report.XYChart;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Sections are numbered by their position in the list: an experiment carries no number of its own. */
class TourNumberingTest {

    /** A minimal experiment that records the context it was given. */
    record Fake(String id, boolean timed) implements Experiment {
        @Override
        public String title() {
            return "Fake " + id;
        }

        @Override
        public String label() {
            return id;
        }

        @Override
        public String teaches() {
            return "nothing";
        }

        @Override
        public Section run(TourContext ctx, Progress progress) {
            XYChart c = XYChart.builder(id, title(), "x", "y").line("s", new double[] {0, 1}, new double[] {1, 0}).build();
            return new Section(ctx.section(), id, title(), teaches(), List.of(c), null, "ran as section " + ctx.section() + ".",
                    ctx.command(), ctx.sectionSeed(), 0, null, Map.of());
        }
    }

    @Test
    void numbersSeedsAndCommandsFollowThePositionInTheList() throws Exception {
        TourContext ctx = new TourContext(2, true, "embedded", () -> null, "descent tour --seed 2");
        List<Experiment> list = List.of(new Fake("a", false), new Fake("b", true), new Fake("c", false));
        Report r = Tour.run(list, ctx, Set.of(), 2, n -> Progress.NONE, Map.of());
        assertThat(r.sections()).extracting(Section::number).containsExactly(1, 2, 3);
        assertThat(r.sections()).extracting(Section::id).containsExactly("a", "b", "c");
        assertThat(r.sections()).extracting(Section::seed).containsExactly(ctx.seedFor(1), ctx.seedFor(2), ctx.seedFor(3));
        assertThat(r.sections().get(1).command()).isEqualTo("descent tour --seed 2 --sections 2");
        assertThat(r.sections().get(2).takeaway()).isEqualTo("ran as section 3.");
        // inserting an experiment in front renumbers the others; skipping works by the new numbers
        Report shifted = Tour.run(List.of(new Fake("z", false), list.get(0), list.get(1), list.get(2)), ctx, Set.of(4), 1,
                n -> Progress.NONE, Map.of());
        assertThat(shifted.sections()).extracting(Section::ran).containsExactly(false, false, false, true);
        assertThat(shifted.sections().get(3).takeaway()).isEqualTo("ran as section 4.");
    }

    @Test
    void theSectionListForTheHelpComesFromTheExperiments() {
        String list = Tour.sectionList();
        List<Experiment> all = Tour.experiments();
        for (int i = 0; i < all.size(); i++) {
            assertThat(list).contains((i + 1) + " " + all.get(i).label());
            assertThat(all.get(i).label().length()).isLessThanOrEqualTo(20);
        }
    }
}
