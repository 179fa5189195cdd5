package dev.descent;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * descent-core's module declaration (src/main/java/module-info.java; the tests run on the class
 * path, and the build compiles the descriptor just before packaging): every package is exported,
 * so that module-path users reach all of the API, and the optional dependencies are
 * {@code requires static}. The module path itself is exercised by descent-examples-it.
 */
class ModuleDescriptorTest {

    private static final Path SOURCES = Path.of("src/main/java");

    private static String declaration() throws IOException {
        return Files.readString(SOURCES.resolve("module-info.java")).replaceAll("(?s)/\\*.*?\\*/", "").replaceAll("//[^\n]*", "");
    }

    private static Set<String> matches(String regex, String text) {
        Set<String> out = new TreeSet<>();
        Matcher m = Pattern.compile(regex).matcher(text);
        while (m.find()) {
            out.add(m.group(1));
        }
        return out;
    }

    @Test
    void everyPackageIsExported() throws IOException {
        Set<String> packages;
        try (Stream<Path> files = Files.walk(SOURCES)) {
            packages = files.filter(f -> f.toString().endsWith(".java") && !f.endsWith("module-info.java"))
                    .map(f -> SOURCES.relativize(f.getParent()).toString().replace(f.getFileSystem().getSeparator(), "."))
                    .collect(Collectors.toCollection(TreeSet::new));
        }
        String d = declaration();
        assertThat(d).contains("module dev.descent.core {");
        assertThat(packages).isNotEmpty();
        assertThat(matches("exports\\s+([\\w.]+)\\s*;", d)).as("exports in descent-core/src/main/java/module-info.java")
                .isEqualTo(packages);
    }

    @Test
    void optionalDependenciesAreStatic() throws IOException {
        assertThat(matches("requires\\s+static\\s+([\\w.]+)\\s*;", declaration())).containsExactlyInAnyOrder(
                "jdk.incubator.vector", "org.bytedeco.openblas", "org.bytedeco.javacpp", "dev.descent.data.fashionmnist",
                "java.management");
    }
}
