package io.borealis.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Where each cluster's scheduler is, from Aurora-style {@code clusters.json} files: a list of
 * {@code {"name": ..., "scheduler_uri": ...}}. The system file ({@code $BOREALIS_CONFIG_ROOT} or
 * {@code /etc/borealis}) is read first, then the user's ({@code ~/.borealis/clusters.json}), which
 * wins. {@code devcluster} always exists and defaults to the local scheduler.
 */
public final class Clusters {
  public static final String DEVCLUSTER = "devcluster";
  public static final String DEVCLUSTER_URL = "http://127.0.0.1:8081";

  private final Map<String, String> schedulerUris;

  private Clusters(Map<String, String> schedulerUris) {
    this.schedulerUris = schedulerUris;
  }

  public static Clusters load(Map<String, String> env) {
    Map<String, String> uris = new LinkedHashMap<>();
    uris.put(DEVCLUSTER, DEVCLUSTER_URL);
    Path system = Path.of(env.getOrDefault("BOREALIS_CONFIG_ROOT", "/etc/borealis"), "clusters.json");
    readInto(system, uris);
    String home = env.get("HOME");
    if (home != null) {
      readInto(Path.of(home, ".borealis", "clusters.json"), uris);
    }
    return new Clusters(uris);
  }

  private static void readInto(Path file, Map<String, String> uris) {
    if (!Files.isRegularFile(file)) {
      return;
    }
    try {
      JsonNode clusters = new ObjectMapper().readTree(file.toFile());
      if (!clusters.isArray()) {
        throw new CliException(file + ": expected a JSON list of clusters like [{\"name\": \"devcluster\", \"scheduler_uri\": \"http://127.0.0.1:8081\"}]");
      }
      for (int i = 0; i < clusters.size(); i++) {
        JsonNode cluster = clusters.get(i);
        if (!cluster.path("name").isTextual() || !cluster.path("scheduler_uri").isTextual()) {
          throw new CliException(file + ": cluster [" + i + "] needs a \"name\" and a \"scheduler_uri\"");
        }
        uris.put(cluster.get("name").asText(), cluster.get("scheduler_uri").asText());
      }
    } catch (IOException e) {
      throw new CliException(file + " is not valid JSON: " + e.getMessage());
    }
  }

  /** The scheduler URL of {@code cluster}, or a CliException listing the known clusters. */
  public String schedulerUri(String cluster) {
    String uri = schedulerUris.get(cluster);
    if (uri == null) {
      throw new CliException("Unknown cluster '" + cluster + "'. Known clusters: " + String.join(", ", schedulerUris.keySet())
          + ". Add it to ~/.borealis/clusters.json.");
    }
    return uri.endsWith("/") ? uri.substring(0, uri.length() - 1) : uri;
  }
}
