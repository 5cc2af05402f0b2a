package io.borealis.testing;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;

/**
 * Locates ../shared (reference data that lives beside the repository, never copied into it). Tests
 * that need it skip with a clear message when it is absent, except under CI=true, where they fail:
 * CI must never pass by skipping them.
 */
public final class SharedFiles {
  private SharedFiles() {}

  public static Path require(String relative) {
    Path shared = Path.of(System.getProperty("borealis.shared", "../shared")).toAbsolutePath().normalize();
    Path wanted = shared.resolve(relative);
    if (!Files.exists(wanted)) {
      String message = wanted + " is missing: these tests read reference data from ../shared beside the repository";
      if ("true".equals(System.getenv("CI"))) {
        throw new AssertionError(message + " (CI=true, so this is a failure, not a skip)");
      }
      Assumptions.abort(message);
    }
    return wanted;
  }
}
