package io.borealis.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The servers refuse to start with a users file that is wrong, or reads authenticated without one. */
class AccessOptionsTest {
  @TempDir
  Path dir;

  private final StringWriter err = new StringWriter();

  private int run(String... args) {
    return BorealisMain.commandLine(Map.of(), new PrintWriter(new StringWriter(), true), new PrintWriter(err, true)).execute(args);
  }

  @Test
  void aWrongUsersFileStopsTheSchedulerNamingEveryProblem() throws Exception {
    Path users = Files.writeString(dir.resolve("users.json"), "{\"users\": [{\"name\": \"alice\", \"password\": \"hunter2\"}]}");
    assertThat(run("scheduler", "--master", "http://127.0.0.1:1", "--cluster", "c", "--ephemeral", "--users-file", users.toString()))
        .isEqualTo(1);
    assertThat(err.toString()).contains(users.toString()).contains("$.users[0].password").contains("borealis admin hash-password")
        .doesNotContain("hunter2");
  }

  @Test
  void authenticatedReadsNeedAUsersFile() {
    assertThat(run("local", "--ephemeral", "--authenticate-reads")).isEqualTo(2);
    assertThat(err.toString()).contains("--authenticate-reads needs --users-file");
  }
}
