package dev.descent;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.lang.module.ModuleDescriptor;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The module descriptor that ships in descent-core's jar: every package is exported (a new package
 * must be added to module-info.java, or module-path users cannot reach it), the optional
 * dependencies are {@code requires static}, and it is a Java 17 class file (see the parent POM).
 */
class ModuleDescriptorTest {

    private static final Path CLASSES = Path.of("target/classes");

    private static ModuleDescriptor descriptor() throws IOException {
        try (InputStream in = Files.newInputStream(CLASSES.resolve("module-info.class"))) {
            return ModuleDescriptor.read(in);
        }
    }

    @Test
    void everyPackageIsExported() throws IOException {
        Set<String> packages;
        try (Stream<Path> files = Files.walk(CLASSES)) {
            packages = files.filter(f -> f.toString().endsWith(".class") && !f.endsWith("module-info.class"))
                    .map(f -> CLASSES.relativize(f.getParent()).toString().replace(f.getFileSystem().getSeparator(), "."))
                    .collect(Collectors.toCollection(TreeSet::new));
        }
        Set<String> exported = descriptor().exports().stream().map(ModuleDescriptor.Exports::source)
                .collect(Collectors.toCollection(TreeSet::new));
        assertThat(packages).isNotEmpty();
        assertThat(exported).as("exports in descent-core/src/main/java/module-info.java").isEqualTo(packages);
        assertThat(descriptor().name()).isEqualTo("dev.descent.core");
    }

    @Test
    void optionalDependenciesAreStatic() throws IOException {
        Set<String> staticRequires = descriptor().requires().stream()
                .filter(r -> r.modifiers().contains(ModuleDescriptor.Requires.Modifier.STATIC))
                .map(ModuleDescriptor.Requires::name).collect(Collectors.toSet());
        assertThat(staticRequires).containsExactlyInAnyOrder("jdk.incubator.vector", "org.bytedeco.openblas",
                "org.bytedeco.javacpp", "dev.descent.data.fashionmnist");
    }

    @Test
    void theDescriptorIsAJava17ClassFile() throws IOException {
        byte[] head = new byte[8];
        try (InputStream in = Files.newInputStream(CLASSES.resolve("module-info.class"))) {
            assertThat(in.readNBytes(head, 0, 8)).isEqualTo(8);
        }
        assertThat(((head[6] & 0xff) << 8) | (head[7] & 0xff)).as("class file major version").isEqualTo(61);
    }
}
