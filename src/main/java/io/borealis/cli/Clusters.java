package io.borealis.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Where each cluster's scheduler is and how to sign in to it, from Aurora-style {@code clusters.json}
 * files: a list of {@code {"name": ..., "scheduler_uri": ..., "auth": {"token": ...}}} where
 * {@code auth} is optional and may instead hold {@code "user"} and {@code "password"}. The system
 * file ({@code $BOREALIS_CONFIG_ROOT} or {@code /etc/borealis}) is read first, then the user's
 * ({@code ~/.borealis/clusters.json}), which wins. {@code devcluster} always exists and defaults to
 * the local scheduler. Credentials in the environment ({@code BOREALIS_TOKEN}, or
 * {@code BOREALIS_USER} and {@code BOREALIS_PASSWORD}) win over the files.
 */
public final class Clusters {
  public static final String DEVCLUSTER = "devcluster";
  public static final String DEVCLUSTER_URL = "http://127.0.0.1:8081";

  private final Map<String, String> schedulerUris;
  private final Map<String, Credentials> credentials;
  private final Credentials fromEnvironment;

  private Clusters(Map<String, String> schedulerUris, Map<String, Credentials> credentials, Credentials fromEnvironment) {
    this.schedulerUris = schedulerUris;
    this.credentials = credentials;
    this.fromEnvironment = fromEnvironment;
  }

  public static Clusters load(Map<String, String> env) {
    Map<String, String> uris = new LinkedHashMap<>();
    Map<String, Credentials> credentials = new LinkedHashMap<>();
    uris.put(DEVCLUSTER, DEVCLUSTER_URL);
    Path system = Path.of(env.getOrDefault("BOREALIS_CONFIG_ROOT", "/etc/borealis"), "clusters.json");
    readInto(system, uris, credentials);
    String home = env.get("HOME");
    if (home != null) {
      readInto(Path.of(home, ".borealis", "clusters.json"), uris, credentials);
    }
    return new Clusters(uris, credentials, Credentials.fromEnvironment(env));
  }

  private static void readInto(Path file, Map<String, String> uris, Map<String, Credentials> credentials) {
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
        String name = cluster.get("name").asText();
        uris.put(name, cluster.get("scheduler_uri").asText());
        credentials.remove(name);
        if (cluster.has("auth")) {
          credentials.put(name, credentials(cluster.get("auth"), file + ": cluster '" + name + "' auth"));
        }
      }
    } catch (IOException e) {
      throw new CliException(file + " is not valid JSON: " + e.getMessage());
    }
  }

  /** {@code {"token": ...}} or {@code {"user": ..., "password": ...}}; the message never repeats a value. */
  private static Credentials credentials(JsonNode auth, String where) {
    if (auth.path("token").isTextual() && auth.size() == 1) {
      return Credentials.token(auth.get("token").asText());
    }
    if (auth.path("user").isTextual() && auth.path("password").isTextual() && auth.size() == 2) {
      return Credentials.password(auth.get("user").asText(), auth.get("password").asText());
    }
    throw new CliException(where + " must be {\"token\": \"...\"} or {\"user\": \"...\", \"password\": \"...\"}");
  }

  /** What to sign in to {@code cluster} with: the environment's credentials, else its clusters.json entry's; null if none. */
  Credentials credentials(String cluster) {
    return fromEnvironment != null ? fromEnvironment : credentials.get(cluster);
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
