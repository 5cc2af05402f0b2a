package io.borealis.access;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.borealis.model.Problem;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Reads a users file:
 *
 * <pre>{@code
 * {"users": [
 *   {"name": "alice", "password": "$pbkdf2$it=100000$...", "roles": ["www-data"]},
 *   {"name": "deploy-bot", "tokens": ["$sha512$$..."], "roles": ["www-data", "search"]},
 *   {"name": "ops", "password": "$pbkdf2$...", "admin": true}
 * ]}
 * }</pre>
 *
 * Secrets are stored only hashed ({@code borealis admin hash-password}, {@code borealis admin
 * new-token}); a problem report points at the field and never repeats its value.
 */
public final class UsersFile {
  private static final Set<String> FIELDS = Set.of("name", "password", "tokens", "roles", "admin");

  private UsersFile() {}

  /** The file's users, or an exception that names the file and every problem in it. */
  public static Users read(Path file) {
    JsonNode root;
    try {
      root = new ObjectMapper().readTree(file.toFile());
    } catch (JsonProcessingException e) {
      // Only where: Jackson's own message quotes the text it choked on, which may be a secret.
      var at = e.getLocation();
      throw new InvalidUsersFile(file, List.of(new Problem("$", "not valid JSON at line " + at.getLineNr() + ", column " + at.getColumnNr())));
    } catch (IOException e) {
      throw new InvalidUsersFile(file, List.of(new Problem("$", "cannot read it: " + e.getMessage())));
    }
    List<Problem> problems = new ArrayList<>();
    List<UserAccount> accounts = parse(root, problems);
    if (problems.isEmpty()) {
      try {
        return new Users(accounts);
      } catch (IllegalArgumentException e) {
        problems.add(new Problem("$.users", e.getMessage()));
      }
    }
    throw new InvalidUsersFile(file, problems);
  }

  static List<UserAccount> parse(JsonNode root, List<Problem> problems) {
    List<UserAccount> accounts = new ArrayList<>();
    JsonNode users = root == null ? null : root.get("users");
    if (users == null || !users.isArray()) {
      problems.add(new Problem("$.users", "must be a list of users like {\"name\": ..., \"password\": ..., \"roles\": [...]}"));
      return accounts;
    }
    for (int i = 0; i < users.size(); i++) {
      UserAccount account = account(users.get(i), "$.users[" + i + "]", problems);
      if (account != null) {
        accounts.add(account);
      }
    }
    return accounts;
  }

  private static UserAccount account(JsonNode user, String at, List<Problem> problems) {
    if (!user.isObject()) {
      problems.add(new Problem(at, "must be an object"));
      return null;
    }
    int before = problems.size();
    user.fieldNames().forEachRemaining(field -> {
      if (!FIELDS.contains(field)) {
        problems.add(new Problem(at + "." + field, "unknown field; a user has " + String.join(", ", FIELDS.stream().sorted().toList())));
      }
    });
    String name = user.path("name").asText("");
    if (!user.path("name").isTextual() || name.isBlank() || name.contains(":")) {
      problems.add(new Problem(at + ".name", "must be a non-empty user name without ':'"));
    }
    JsonNode password = user.get("password");
    if (password != null && !(password.isTextual() && password.asText().startsWith("$" + Secrets.PASSWORD_ALGORITHM + "$"))) {
      problems.add(new Problem(at + ".password", "must be a hashed password ($pbkdf2$...); make one with: borealis admin hash-password"));
    }
    Set<String> tokens = strings(user.get("tokens"), at + ".tokens", "$" + Secrets.TOKEN_ALGORITHM + "$$",
        "must be hashed tokens ($sha512$$...); make one with: borealis admin new-token", problems);
    if (password == null && tokens.isEmpty()) {
      problems.add(new Problem(at, "needs a \"password\" or \"tokens\", or the user can never sign in"));
    }
    Set<String> roles = strings(user.get("roles"), at + ".roles", "", "must be a list of role names", problems);
    JsonNode admin = user.get("admin");
    if (admin != null && !admin.isBoolean()) {
      problems.add(new Problem(at + ".admin", "must be true or false"));
    }
    if (problems.size() > before) {
      return null;
    }
    return new UserAccount(name, password == null ? null : password.asText(), tokens, roles, admin != null && admin.asBoolean());
  }

  /** A list of strings that start with {@code prefix}; empty (and a problem recorded) when it is not one. */
  private static Set<String> strings(JsonNode list, String at, String prefix, String expected, List<Problem> problems) {
    Set<String> values = new LinkedHashSet<>();
    if (list == null) {
      return values;
    }
    if (!list.isArray()) {
      problems.add(new Problem(at, expected));
      return values;
    }
    for (int i = 0; i < list.size(); i++) {
      JsonNode item = list.get(i);
      if (!item.isTextual() || item.asText().isBlank() || !item.asText().startsWith(prefix)) {
        problems.add(new Problem(at + "[" + i + "]", expected));
      } else {
        values.add(item.asText());
      }
    }
    return values;
  }

  /** The users file is missing, not JSON, or wrong; the message lists every problem by JSON path. */
  public static final class InvalidUsersFile extends RuntimeException {
    private final List<Problem> problems;

    InvalidUsersFile(Path file, List<Problem> problems) {
      super("users file " + file + " is not valid: " + String.join("; ",
          problems.stream().map(p -> p.path() + ": " + p.message()).toList()));
      this.problems = List.copyOf(problems);
    }

    public List<Problem> problems() {
      return problems;
    }
  }
}
