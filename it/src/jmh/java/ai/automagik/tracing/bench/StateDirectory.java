package ai.automagik.tracing.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/** A temporary {@code AUTOMAGIK_HOME} for one benchmark trial, deleted with everything in it when closed. */
final class StateDirectory implements AutoCloseable {

    private final Path path;

    StateDirectory() {
        try {
            path = Files.createTempDirectory("automagik-bench");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    String path() {
        return path.toString();
    }

    @Override
    public void close() {
        try (Stream<Path> files = Files.walk(path)) {
            files.sorted(Comparator.reverseOrder()).forEach(file -> file.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
