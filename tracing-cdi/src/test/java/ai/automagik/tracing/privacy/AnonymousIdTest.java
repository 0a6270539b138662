package ai.automagik.tracing.privacy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class AnonymousIdTest {

    @TempDir
    Path home;

    @Test
    void theIdIsRandomWrittenAndStable() throws IOException {
        Path state = home.resolve(".automagik");
        String id = AnonymousId.loadOrCreate(state);

        assertThat(id).matches("[0-9a-f]{16}");
        assertThat(Files.readString(state.resolve("anonymous_id")).strip()).isEqualTo(id);
        assertThat(AnonymousId.loadOrCreate(state)).isEqualTo(id);
        assertThat(AnonymousId.peek(state)).isEqualTo(id);
    }

    @Test
    void deletingTheStateGivesANewUnrelatedId() throws IOException {
        Path state = home.resolve(".automagik");
        String first = AnonymousId.loadOrCreate(state);
        Files.delete(state.resolve("anonymous_id"));
        Files.delete(state);

        assertThat(AnonymousId.loadOrCreate(state)).matches("[0-9a-f]{16}").isNotEqualTo(first);
    }

    @Test
    void nothingOfTheMachineGoesIntoTheId() throws Exception {
        // the id the earlier versions derived: sha256(os-arch-hostname), 16 hex; a host-name dictionary reversed it
        String host = InetAddress.getLocalHost().getHostName();
        String derived = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(
                (System.getProperty("os.name") + "-" + System.getProperty("os.arch") + "-" + host)
                        .getBytes(StandardCharsets.UTF_8))).substring(0, 16);
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < 50; i++) {
            ids.add(AnonymousId.loadOrCreate(home.resolve("state-" + i)));
        }
        assertThat(ids).hasSize(50).doesNotContain(derived);
    }

    @Test
    void peekCreatesNothing() {
        Path state = home.resolve("never");
        assertThat(AnonymousId.peek(state)).isNull();
        assertThat(Files.exists(state)).isFalse();
    }

    @Test
    void aStoredIdWinsOverANewOne() throws IOException {
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
        assertThat(AnonymousId.loadOrCreate(home)).matches("[0-9a-f]{16}").isNotEqualTo(id);
    }

    @Test
    void anUnwritableStateDirectoryStillYieldsAnIdAndWritesNothing() throws IOException {
        Path blocked = Files.writeString(home.resolve("file-not-dir"), "x");

        assertThat(AnonymousId.loadOrCreate(blocked.resolve("state"))).matches("[0-9a-f]{16}");
        assertThat(Files.exists(blocked.resolve("state"))).isFalse();
    }
}
