package io.borealis.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.borealis.access.Secrets;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The admin verbs that make the secrets of a users file, run as a user would (no terminal: stdin). */
class AdminSecretCommandsTest {
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int run(String stdin, String... args) {
    InputStream original = System.in;
    System.setIn(new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)));
    try {
      return BorealisMain.commandLine(Map.of(), new PrintWriter(out, true), new PrintWriter(err, true)).execute(args);
    } finally {
      System.setIn(original);
    }
  }

  @Test
  void hashPasswordPrintsAHashThatVerifiesTheGivenPasswordOnly() {
    assertThat(run("s3cret password\n", "admin", "hash-password")).isZero();
    String hash = out.toString().trim();
    assertThat(hash).startsWith("$pbkdf2$").doesNotContain("s3cret");
    assertThat(Secrets.passwordMatches(hash, "s3cret password")).isTrue();
    assertThat(Secrets.passwordMatches(hash, "s3cret")).isFalse();
  }

  @Test
  void hashPasswordRefusesAnEmptyPassword() {
    assertThat(run("", "admin", "hash-password")).isEqualTo(1);
    assertThat(err.toString()).contains("no password given");
  }

  @Test
  void newTokenPrintsATokenAndTheHashThatFindsIt() {
    assertThat(run("", "admin", "new-token")).isZero();
    String[] lines = out.toString().split("\\R");
    assertThat(lines[0]).startsWith("token: ");
    assertThat(lines[1]).startsWith("hash:  $sha512$$");
    assertThat(Secrets.hashToken(lines[0].substring("token: ".length()))).isEqualTo(lines[1].substring("hash:  ".length()));
  }
}
