package dev.descent.cli.tour;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Headless Debian chromium for the browser test: opens a page, takes a screenshot and collects
 * the console messages it logged ({@code --enable-logging=stderr --v=0} prints each one as an
 * {@code INFO:CONSOLE} line on standard error).
 */
final class Chromium {

    static final Path BINARY = Path.of("/usr/bin/chromium");

    /** What one page load produced. */
    record Load(int exitCode, List<String> console, String stderr) {}

    private Chromium() {}

    static boolean available() {
        return Files.isExecutable(BINARY);
    }

    /** Opens {@code page} at {@code width}×{@code height} and writes the screenshot to {@code png}. */
    static Load screenshot(Path page, Path png, int width, int height, Path scratch) throws IOException, InterruptedException {
        Path profile = Files.createTempDirectory(scratch, "chromium-profile");
        List<String> cmd = List.of(BINARY.toString(), "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                "--no-first-run", "--disable-component-update", "--disable-sync", "--disable-default-apps", "--mute-audio",
                "--user-data-dir=" + profile, "--enable-logging=stderr", "--v=0", "--hide-scrollbars",
                "--window-size=" + width + "," + height, "--screenshot=" + png.toAbsolutePath(), page.toUri().toString());
        Path err = scratch.resolve("chromium-" + System.nanoTime() + ".log");
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(err.toFile()).start();
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IOException("chromium did not finish within 120 s");
        }
        String log = Files.readString(err, StandardCharsets.UTF_8);
        List<String> console = new ArrayList<>();
        for (String line : log.split("\n")) {
            if (line.contains(":CONSOLE")) {
                console.add(line);
            }
        }
        return new Load(p.exitValue(), console, log);
    }
}
