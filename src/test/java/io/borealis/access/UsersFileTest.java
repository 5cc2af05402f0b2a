package io.borealis.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.borealis.model.Problem;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The users file: what it accepts, every way it can be wrong, and that a wrong one never repeats a secret. */
class UsersFileTest {
  private static final String PASSWORD_HASH = Secrets.hashPassword("p4ssword");
  private static final String TOKEN = Secrets.newToken();
  private static final String TOKEN_HASH = Secrets.hashToken(TOKEN);

  @TempDir
  Path dir;

  @Test
  void readsUsersAndAuthenticatesThemByPasswordOrToken() throws Exception {
    Users users = UsersFile.read(write("""
        {"users": [
          {"name": "alice", "password": "%s", "roles": ["www-data"]},
          {"name": "bot", "tokens": ["%s"], "roles": ["www-data", "search"]},
          {"name": "ops", "password": "%s", "admin": true}
        ]}""".formatted(PASSWORD_HASH, TOKEN_HASH, PASSWORD_HASH)));

    assertThat(users.size()).isEqualTo(3);
    assertThat(users.withPassword("alice", "p4ssword")).contains(new Caller("alice", Set.of("www-data"), false));
    assertThat(users.withPassword("alice", "P4ssword")).isEmpty();
    assertThat(users.withPassword("nobody", "p4ssword")).isEmpty();
    assertThat(users.withPassword("bot", "p4ssword")).as("a token-only user has no password").isEmpty();
    assertThat(users.withToken(TOKEN)).contains(new Caller("bot", Set.of("www-data", "search"), false));
    assertThat(users.withToken(TOKEN + "x")).isEmpty();
    Caller ops = users.withPassword("ops", "p4ssword").orElseThrow();
    assertThat(ops.mayActFor("anything")).isTrue();
    assertThat(users.withToken(TOKEN).orElseThrow().mayActFor("mesos")).isFalse();
  }

  static Stream<Arguments> wrongFiles() {
    return Stream.of(
        Arguments.of("[]", "$.users", "must be a list of users"),
        Arguments.of("{\"users\": [42]}", "$.users[0]", "must be an object"),
        Arguments.of("{\"users\": [{\"name\": \"a\", \"password\": \"plain-secret\"}]}", "$.users[0].password",
            "make one with: borealis admin hash-password"),
        Arguments.of("{\"users\": [{\"name\": \"a\", \"tokens\": [\"plain-secret\"]}]}", "$.users[0].tokens[0]",
            "make one with: borealis admin new-token"),
        Arguments.of("{\"users\": [{\"name\": \"a\", \"tokens\": \"plain-secret\"}]}", "$.users[0].tokens", "hashed tokens"),
        Arguments.of("{\"users\": [{\"name\": \"a\"}]}", "$.users[0]", "needs a \"password\" or \"tokens\""),
        Arguments.of("{\"users\": [{\"name\": \"a:b\", \"password\": \"" + PASSWORD_HASH + "\"}]}", "$.users[0].name", "without ':'"),
        Arguments.of("{\"users\": [{\"password\": \"" + PASSWORD_HASH + "\"}]}", "$.users[0].name", "non-empty user name"),
        Arguments.of("{\"users\": [{\"name\": \"a\", \"password\": \"" + PASSWORD_HASH + "\", \"role\": [\"x\"]}]}", "$.users[0].role",
            "unknown field"),
        Arguments.of("{\"users\": [{\"name\": \"a\", \"password\": \"" + PASSWORD_HASH + "\", \"roles\": \"x\"}]}", "$.users[0].roles",
            "list of role names"),
        Arguments.of("{\"users\": [{\"name\": \"a\", \"password\": \"" + PASSWORD_HASH + "\", \"admin\": \"yes\"}]}", "$.users[0].admin",
            "true or false"),
        Arguments.of("{\"users\": [{\"name\": \"a\", \"password\": \"" + PASSWORD_HASH + "\"}, {\"name\": \"a\", \"password\": \""
            + PASSWORD_HASH + "\"}]}", "$.users", "user 'a' appears twice"),
        Arguments.of("{\"users\": [{\"name\": \"a\", \"tokens\": [\"" + TOKEN_HASH + "\"]}, {\"name\": \"b\", \"tokens\": [\""
            + TOKEN_HASH + "\"]}]}", "$.users", "also belongs to another user"),
        Arguments.of("{\"users\": [{\"name\": \"a\", \"password\": plain-secret}]}", "$", "not valid JSON at line 1"));
  }

  @ParameterizedTest
  @MethodSource("wrongFiles")
  void aWrongFileNamesTheFieldAndNeverTheSecret(String content, String path, String message) throws Exception {
    Path file = write(content);
    assertThatThrownBy(() -> UsersFile.read(file))
        .isInstanceOfSatisfying(UsersFile.InvalidUsersFile.class, e -> {
          assertThat(e.problems()).extracting(Problem::path).contains(path);
          assertThat(e.problems()).filteredOn(p -> p.path().equals(path)).extracting(Problem::message)
              .anySatisfy(m -> assertThat(m).contains(message));
          assertThat(e.getMessage()).contains(file.toString()).doesNotContain("plain-secret");
        });
  }

  @Test
  void aMissingFileSaysSo() {
    assertThatThrownBy(() -> UsersFile.read(dir.resolve("absent.json")))
        .isInstanceOf(UsersFile.InvalidUsersFile.class).hasMessageContaining("absent.json").hasMessageContaining("cannot read it");
  }

  @Test
  void hashesAreSaltedAndTokensUnguessable() {
    assertThat(Secrets.hashPassword("same")).isNotEqualTo(Secrets.hashPassword("same")).startsWith("$pbkdf2$it=100000$");
    assertThat(Secrets.newToken()).isNotEqualTo(Secrets.newToken()).hasSize(43);
    assertThat(Secrets.hashToken(TOKEN)).isEqualTo(TOKEN_HASH).startsWith("$sha512$$").doesNotContain(TOKEN);
    assertThat(List.of(Secrets.passwordMatches(PASSWORD_HASH, "p4ssword"), Secrets.passwordMatches(PASSWORD_HASH, "p4ss")))
        .containsExactly(true, false);
  }

  private Path write(String content) throws Exception {
    return Files.writeString(dir.resolve("users.json"), content);
  }
}
