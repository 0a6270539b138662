package ai.automagik.tracing.privacy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class AnonymousIdTest {

    @TempDir
    Path home;

    @Test
    void theIdIsDerivedWrittenAndStable() throws IOException {
        Path state = home.resolve(".automagik");
        String id = AnonymousId.loadOrCreate(state);

        assertThat(id).matches("[0-9a-f]{16}");
        assertThat(Files.readString(state.resolve("anonymous_id")).strip()).isEqualTo(id);
        assertThat(AnonymousId.loadOrCreate(state)).isEqualTo(id);
        assertThat(id).isEqualTo(AnonymousId.derive(System.getProperty("os.name"), System.getProperty("os.arch"),
                AnonymousId.hostname()));
    }

    @Test
    void theDerivationIsTheFirstSixteenHexCharsOfSha256() {
        // printf 'Linux-amd64-build-host-7' | sha256sum | cut -c1-16
        assertThat(AnonymousId.derive("Linux", "amd64", "build-host-7")).isEqualTo("50b90e9a95104ca7");
    }

    @Test
    void aStoredIdWinsOverTheDerivedOne() throws IOException {
        Files.writeString(home.resolve("anonymous_id"), "  my-install-42\n");
        assertThat(AnonymousId.loadOrCreate(home)).isEqualTo("my-install-42");
    }

    @Test
    void anInvalidStoredIdIsReplaced() throws IOException {
        Path file = Files.writeString(home.resolve("anonymous_id"), "not valid! /etc/passwd");
        String id = AnonymousId.loadOrCreate(home);
        assertThat(id).matches("[0-9a-f]{16}");
        assertThat(Files.readString(file).strip()).isEqualTo(id);

        Files.writeString(file, "a".repeat(65));
        assertThat(AnonymousId.loadOrCreate(home)).isEqualTo(id);
    }

    @Test
    void anUnwritableStateDirectoryStillYieldsTheSameId() throws IOException {
        String id = AnonymousId.loadOrCreate(home.resolve("writable"));
        Path blocked = Files.writeString(home.resolve("file-not-dir"), "x");

        assertThat(AnonymousId.loadOrCreate(blocked.resolve("state"))).isEqualTo(id);
        assertThat(Files.exists(blocked.resolve("state"))).isFalse();
    }
}
