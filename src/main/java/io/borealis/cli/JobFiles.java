package io.borealis.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.borealis.config.JobJson;
import io.borealis.config.aurora.AuroraConfig;
import io.borealis.config.aurora.AuroraConfigError;
import io.borealis.config.aurora.AuroraConfigLoader;
import io.borealis.config.aurora.AuroraJob;
import io.borealis.config.aurora.Binds;
import io.borealis.config.aurora.JobConversion;
import io.borealis.config.aurora.JobEvaluation;
import io.borealis.model.JobConfig;
import io.borealis.model.JobKey;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Reads a job file ({@code .aurora}, or JSON in Aurora's {@code --read-json} form) and picks the job a
 * key names, with Aurora's messages when it cannot.
 */
final class JobFiles {
  /** Created on first use: loading Jackson costs ~0.2 s of a cold start that .aurora files do not need. */
  private static ObjectMapper mapper;

  private JobFiles() {}

  private static synchronized ObjectMapper mapper() {
    if (mapper == null) {
      mapper = new ObjectMapper();
    }
    return mapper;
  }

  static boolean isJson(Path file, boolean readJson) {
    return readJson || !file.getFileName().toString().endsWith(".aurora");
  }

  /** The job to create, refused with every reason when Aurora or Borealis would not run it; warnings go to {@code warn}. */
  static JobConfig load(Path file, JobKey key, Map<String, String> binds, boolean readJson, Map<String, String> env,
      List<String> warn) {
    if (isJson(file, readJson)) {
      return pick(file, key, readJson(file, binds));
    }
    JobEvaluation evaluation = evaluate(file, key, binds, env);
    JobConversion conversion = evaluation.convert();
    if (!conversion.creatable()) {
      List<String> reasons = new ArrayList<>(conversion.problems());
      reasons.addAll(conversion.unsupported());
      throw new CliException(evaluation.origin() + ": job " + key + " cannot be created:", reasons);
    }
    warn.addAll(conversion.warnings());
    return conversion.config();
  }

  /** The evaluated job of a {@code .aurora} file. */
  static JobEvaluation evaluate(Path file, JobKey key, Map<String, String> binds, Map<String, String> env) {
    AuroraConfig config = loadAurora(file, binds, env);
    List<AuroraJob> matching = config.matching(key.toString());
    if (matching.size() != 1) {
      List<String> candidates = config.jobs().stream().map(job -> "  " + job.key()).toList();
      throw new CliException((matching.isEmpty() ? "Could not find job " + key + " in " + file
          : "Multiple jobs match " + key + " in " + file + ", please disambiguate by specifying a job key")
          + ". Candidates are:", candidates);
    }
    try {
      return matching.get(0).evaluate();
    } catch (AuroraConfigError e) {
      throw new CliException(e.getMessage());
    }
  }

  static AuroraConfig loadAurora(Path file, Map<String, String> binds, Map<String, String> env) {
    if (!Files.isRegularFile(file)) {
      throw new CliException("Cannot read " + file + ": no such file");
    }
    try {
      return AuroraConfigLoader.load(file, binds, env);
    } catch (AuroraConfigError e) {
      throw new CliException("Error loading configuration file: " + e.getMessage());
    }
  }

  /** Every job of a JSON file, with {@code --bind} values substituted into its strings first. */
  static List<JobConfig> readJson(Path file, Map<String, String> binds) {
    String text;
    try {
      text = Files.readString(file);
    } catch (IOException e) {
      throw new CliException("Cannot read " + file + ": " + e.getMessage());
    }
    JobJson.ReadResult result;
    if (binds.isEmpty()) {
      result = JobJson.read(text);
    } else {
      JsonNode tree;
      try {
        tree = mapper().readTree(text);
      } catch (IOException e) {
        result = JobJson.read(text); // reports the syntax error with its position
        throw invalid(file, result);
      }
      try {
        result = JobJson.read(substitute(tree, binds));
      } catch (AuroraConfigError e) {
        throw new CliException(file + ": " + e.getMessage());
      }
    }
    if (!result.ok()) {
      throw invalid(file, result);
    }
    return result.jobs();
  }

  private static CliException invalid(Path file, JobJson.ReadResult result) {
    return new CliException(file + " is not a valid job file:",
        result.problems().stream().map(p -> p.path() + ": " + p.message()).toList());
  }

  private static JsonNode substitute(JsonNode node, Map<String, String> binds) {
    if (node.isTextual()) {
      return TextNode.valueOf(Binds.apply(node.asText(), binds));
    }
    if (node.isObject()) {
      ObjectNode copy = mapper().createObjectNode();
      node.properties().forEach(e -> copy.set(e.getKey(), substitute(e.getValue(), binds)));
      return copy;
    }
    if (node.isArray()) {
      var copy = mapper().createArrayNode();
      node.forEach(item -> copy.add(substitute(item, binds)));
      return copy;
    }
    return node;
  }

  private static JobConfig pick(Path file, JobKey key, List<JobConfig> jobs) {
    List<JobConfig> matching = jobs.stream().filter(job -> job.key().equals(key)).toList();
    if (matching.size() == 1) {
      return matching.get(0);
    }
    List<String> candidates = jobs.stream().map(job -> "  " + job.key()).toList();
    throw new CliException((matching.isEmpty() ? "Could not find job " + key + " in " + file
        : "Multiple jobs match " + key + " in " + file) + ". Candidates are:", candidates);
  }

  static JobConfig pickJson(Path file, JobKey key, Map<String, String> binds) {
    return pick(file, key, readJson(file, binds));
  }

  static String toJson(Object value) {
    try {
      return mapper().writerWithDefaultPrettyPrinter().writeValueAsString(value);
    } catch (IOException e) {
      throw new CliException("Cannot write JSON: " + e.getMessage());
    }
  }
}
