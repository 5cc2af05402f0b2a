package io.borealis.executor;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RotatingLogTest {
  @TempDir Path dir;

  @Test
  void rotatesAtTheLineEndThatReachesTheLimit() throws Exception {
    write(10, 1, "aaaa\nbbbb\ncccc\n");

    assertThat(read("stdout.1")).isEqualTo("aaaa\nbbbb\n");
    assertThat(read("stdout")).isEqualTo("cccc\n");
  }

  @Test
  void finishesTheLineItIsInBeforeRotating() throws Exception {
    write(6, 2, "aaaa\nbbbb\ncccc\n");

    assertThat(read("stdout.1")).isEqualTo("aaaa\nbbbb\n");
    assertThat(read("stdout")).isEqualTo("cccc\n");
  }

  @Test
  void keepsAtMostBackupsFilesTheNewestFirst() throws Exception {
    StringBuilder input = new StringBuilder();
    for (int i = 0; i < 10; i++) {
      input.append("line ").append(i).append('\n');
    }
    // Each 7-byte line reaches the 7-byte limit, so every line gets a file of its own.
    write(7, 3, input.toString());

    assertThat(read("stdout")).isEqualTo("line 9\n");
    assertThat(read("stdout.1")).isEqualTo("line 8\n");
    assertThat(read("stdout.3")).isEqualTo("line 6\n");
    assertThat(dir.resolve("stdout.4")).doesNotExist();
  }

  @Test
  void aLineThatNeverEndsIsCutAtTwiceTheLimit() throws Exception {
    write(4, 1, "0123456789ab");

    assertThat(read("stdout.1")).isEqualTo("01234567");
    assertThat(read("stdout")).isEqualTo("89ab");
  }

  @Test
  void withNoBackupsTheFileStartsOverAndWithoutRotationItJustGrows() throws Exception {
    write(5, 0, "aaaa\nbbbb\n");
    assertThat(read("stdout")).isEqualTo("bbbb\n");
    assertThat(dir.resolve("stdout.1")).doesNotExist();

    try (RotatingLog log = new RotatingLog(dir.resolve("plain"), false, 5, 1, file -> { })) {
      byte[] data = "aaaa\nbbbb\n".getBytes(StandardCharsets.UTF_8);
      log.write(data, 0, data.length);
    }
    assertThat(read("plain")).isEqualTo("aaaa\nbbbb\n");
  }

  @Test
  void givesEveryFileItCreatesToItsOwner() throws Exception {
    List<Path> owned = new ArrayList<>();
    try (RotatingLog log = new RotatingLog(dir.resolve("stdout"), true, 5, 2, owned::add)) {
      byte[] data = "aaaa\nbbbb\ncccc\n".getBytes(StandardCharsets.UTF_8);
      log.write(data, 0, data.length);
    }
    assertThat(owned).hasSize(3).allMatch(path -> path.equals(dir.resolve("stdout")));
  }

  /** Writes {@code text} one byte at a time and all at once into two logs; both must agree. */
  private void write(long maxBytes, int backups, String text) throws Exception {
    byte[] data = text.getBytes(StandardCharsets.UTF_8);
    Path bytewise = Files.createDirectory(dir.resolve("bytewise"));
    try (RotatingLog log = new RotatingLog(bytewise.resolve("stdout"), true, maxBytes, backups, file -> { })) {
      for (int i = 0; i < data.length; i++) {
        log.write(data, i, 1);
      }
    }
    try (RotatingLog log = new RotatingLog(dir.resolve("stdout"), true, maxBytes, backups, file -> { })) {
      log.write(data, 0, data.length);
    }
    try (var files = Files.list(bytewise)) {
      for (Path file : files.toList()) {
        assertThat(read(file.getFileName().toString())).as(file.getFileName() + " written byte by byte")
            .isEqualTo(Files.readString(file));
      }
    }
  }

  private String read(String name) throws Exception {
    return Files.readString(dir.resolve(name));
  }
}
