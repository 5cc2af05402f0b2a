package io.borealis.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code borealis scheduler}'s framework credentials are checked before anything starts. */
class FrameworkOptionsTest {
  @TempDir
  Path dir;

  private final StringWriter err = new StringWriter();

  private int scheduler(String... more) {
    String[] args = new String[6 + more.length];
    System.arraycopy(new String[] {"scheduler", "--master", "http://127.0.0.1:1", "--cluster", "c", "--ephemeral"}, 0, args, 0, 6);
    System.arraycopy(more, 0, args, 6, more.length);
    return BorealisMain.commandLine(Map.of(), new PrintWriter(new StringWriter(), true), new PrintWriter(err, true)).execute(args);
  }

  @Test
  void aPrincipalNeedsItsSecretFile() {
    assertThat(scheduler("--framework-principal", "borealis")).isEqualTo(2);
    assertThat(err.toString()).contains("--framework-principal and --framework-secret-file together");
  }

  @Test
  void anEmptySecretFileIsRefusedWithoutStarting() throws Exception {
    Path secret = Files.writeString(dir.resolve("secret"), "\n");
    assertThat(scheduler("--framework-principal", "borealis", "--framework-secret-file", secret.toString())).isEqualTo(2);
    assertThat(err.toString()).contains(secret.toString()).contains("is empty");
  }

  @Test
  void anUnreadableSecretFileIsNamed() {
    Path missing = dir.resolve("absent");
    assertThat(scheduler("--framework-principal", "borealis", "--framework-secret-file", missing.toString())).isEqualTo(2);
    assertThat(err.toString()).contains("cannot read --framework-secret-file " + missing);
  }
}
