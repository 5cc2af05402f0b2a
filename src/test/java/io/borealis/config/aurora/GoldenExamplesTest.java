package io.borealis.config.aurora;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.borealis.model.JobConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every example in ../shared/aurora-examples against golden.json, what Apache Aurora's own client made
 * of it. Read at run time, never copied. Without ../shared the test is skipped, except under
 * {@code CI=true}, where it fails so that CI cannot pass by skipping.
 */
class GoldenExamplesTest {
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final Path EXAMPLES = Path.of(System.getProperty("borealis.shared", "../shared"), "aurora-examples");
  private static final String MISSING = "<" + EXAMPLES + " is missing>";
  /** Golden job fields that are not in {@link JobView}: compared separately or not Borealis's business. */
  private static final List<String> NOT_IN_VIEW = List.of("thrift");

  static Stream<String> examples() throws IOException {
    if (!Files.isDirectory(EXAMPLES)) {
      return Stream.of(MISSING);
    }
    try (Stream<Path> files = Files.list(EXAMPLES)) {
      return files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".aurora")).sorted().toList().stream();
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("examples")
  void evaluatesLikeAurora(String example) throws IOException {
    if (example.equals(MISSING)) {
      String why = EXAMPLES.toAbsolutePath() + " not found (set -Dborealis.shared=DIR to point at the shared folder)";
      if ("true".equals(System.getenv("CI"))) {
        throw new AssertionError("CI=true but the golden examples are missing: " + why);
      }
      Assumptions.abort(why);
    }
    JsonNode golden = MAPPER.readTree(EXAMPLES.resolve("golden.json").toFile()).get(example);
    assertThat(golden).as("golden.json has an entry for " + example).isNotNull();
    Map<String, String> binds = new LinkedHashMap<>();
    golden.path("bindings").properties().forEach(e -> binds.put(e.getKey(), e.getValue().asText()));
    AuroraConfig config = AuroraConfigLoader.load(EXAMPLES.resolve(example), binds,
        Map.of("USER", "testuser", "LOGNAME", "testuser"));

    assertThat(config.listLine()).isEqualTo(golden.get("config_list_output").asText());
    JsonNode goldenJobs = golden.get("jobs");
    assertThat(config.jobs()).hasSize(goldenJobs.size());
    List<String> differences = new ArrayList<>();
    for (int i = 0; i < goldenJobs.size(); i++) {
      JobEvaluation evaluation = config.jobs().get(i).evaluate();
      JsonNode expected = goldenJobs.get(i);
      JsonNode actual = MAPPER.valueToTree(JobView.of(evaluation));
      String key = evaluation.key();
      expected.properties().forEach(field -> {
        if (!NOT_IN_VIEW.contains(field.getKey()) && !equal(field.getValue(), actual.get(field.getKey()))) {
          differences.add(key + " " + field.getKey() + ": expected " + field.getValue() + " but was " + actual.get(field.getKey()));
        }
      });
      compareThrift(key, expected.get("thrift"), evaluation.convert(), differences);
    }
    assertThat(differences).isEmpty();
  }

  /** Aurora's thrift conversion against ours: whether it succeeds, and the numbers the scheduler gets. */
  private static void compareThrift(String key, JsonNode thrift, JobConversion conversion, List<String> differences) {
    if (!thrift.get("ok").asBoolean()) {
      String message = thrift.path("error").path("message").asText();
      if (conversion.problems().isEmpty() || !message.contains(conversion.problems().get(0))) {
        differences.add(key + " thrift: Aurora refused it with '" + message + "' but Borealis said " + conversion.problems());
      }
      return;
    }
    JobConfig config = conversion.config();
    if (config == null) {
      differences.add(key + " thrift: Aurora converted it but Borealis found " + conversion.problems());
      return;
    }
    JsonNode resources = thrift.get("resources");
    Map<String, Object> ours = new LinkedHashMap<>();
    ours.put("instanceCount", config.instances());
    ours.put("isService", config.service());
    ours.put("production", config.production());
    ours.put("numCpus", config.task().resources().cpu());
    ours.put("ramMb", config.task().resources().ramMb());
    ours.put("diskMb", config.task().resources().diskMb());
    ours.put("numGpus", config.task().resources().gpu());
    ours.put("namedPorts", new ArrayList<>(config.task().requestedPorts()));
    Map<String, JsonNode> theirs = new LinkedHashMap<>();
    theirs.put("instanceCount", thrift.get("instanceCount"));
    theirs.put("isService", thrift.get("isService"));
    theirs.put("production", thrift.get("production"));
    theirs.put("numCpus", resources.get("numCpus"));
    theirs.put("ramMb", resources.get("ramMb"));
    theirs.put("diskMb", resources.get("diskMb"));
    theirs.put("numGpus", resources.has("numGpus") ? resources.get("numGpus") : MAPPER.valueToTree(0));
    theirs.put("namedPorts", resources.has("namedPorts") ? resources.get("namedPorts") : MAPPER.createArrayNode());
    ours.forEach((name, value) -> {
      if (!equal(theirs.get(name), MAPPER.valueToTree(value))) {
        differences.add(key + " thrift " + name + ": expected " + theirs.get(name) + " but was " + value);
      }
    });
  }

  /** JSON equality where 50 and 50.0 are the same number (Python's float vs int is not ours to copy). */
  private static boolean equal(JsonNode expected, JsonNode actual) {
    if (expected == null || expected.isNull()) {
      return actual == null || actual.isNull();
    }
    if (actual == null) {
      return false;
    }
    Comparator<JsonNode> numbers = (a, b) -> a.isNumber() && b.isNumber()
        ? Double.compare(a.asDouble(), b.asDouble()) : a.equals(b) ? 0 : 1;
    return expected.equals(numbers, actual);
  }

  static TreeSet<String> sorted(List<String> values) {
    return new TreeSet<>(values);
  }
}
