package io.borealis.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.borealis.model.InstanceRanges;
import io.borealis.model.JobKey;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The CLI's client of the scheduler's public JSON API. Blocking on purpose: a command does one thing
 * and waits for it. API errors become {@link CliException}s carrying the API's message and details.
 */
final class SchedulerApi {
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final Duration TIMEOUT = Duration.ofSeconds(30);
  private static final Duration BACKUP_TIMEOUT = Duration.ofMinutes(5);

  private final String baseUrl;
  private final String cluster;
  private final Credentials credentials;
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  /** {@code credentials} may be null: reads need none unless the scheduler says otherwise. */
  SchedulerApi(String cluster, String baseUrl, Credentials credentials) {
    this.cluster = cluster;
    this.baseUrl = baseUrl;
    this.credentials = credentials;
  }

  JsonNode createJob(String jobJson) {
    return send(HttpRequest.newBuilder(uri("/api/v1/jobs")).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(jobJson)));
  }

  JsonNode job(JobKey key) {
    return send(HttpRequest.newBuilder(uri("/api/v1/jobs/" + key)).GET());
  }

  JsonNode jobs(String role, String env) {
    String query = "?role=" + encode(role) + (env == null ? "" : "&env=" + encode(env));
    return send(HttpRequest.newBuilder(uri("/api/v1/jobs" + query)).GET());
  }

  JsonNode kill(JobKey key, InstanceRanges instances) {
    String query = instances == null ? "" : "?instances=" + encode(instances.toString());
    return send(HttpRequest.newBuilder(uri("/api/v1/jobs/" + key + query)).DELETE());
  }

  JsonNode restart(JobKey key, InstanceRanges instances) {
    String query = instances == null ? "" : "?instances=" + encode(instances.toString());
    return send(HttpRequest.newBuilder(uri("/api/v1/jobs/" + key + "/restart" + query)).POST(HttpRequest.BodyPublishers.noBody()));
  }

  JsonNode startUpdate(String jobJson, InstanceRanges instances) {
    String query = instances == null ? "" : "?instances=" + encode(instances.toString());
    return send(HttpRequest.newBuilder(uri("/api/v1/updates" + query)).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(jobJson)));
  }

  /** Updates of a role, environment or job (nulls match all), {@code status} "active", "finished" or null. */
  JsonNode updates(String role, String env, String name, String status) {
    StringBuilder query = new StringBuilder("?role=").append(encode(role));
    if (env != null) {
      query.append("&env=").append(encode(env));
    }
    if (name != null) {
      query.append("&job=").append(encode(name));
    }
    if (status != null) {
      query.append("&status=").append(encode(status));
    }
    return send(HttpRequest.newBuilder(uri("/api/v1/updates" + query)).GET());
  }

  JsonNode update(String id) {
    return send(HttpRequest.newBuilder(uri("/api/v1/updates/" + encode(id))).GET());
  }

  JsonNode commandUpdate(String id, String command) {
    return send(HttpRequest.newBuilder(uri("/api/v1/updates/" + encode(id) + "/" + command)).POST(HttpRequest.BodyPublishers.noBody()));
  }

  /** Aurora's {@code addInstances}: {@code count} more instances running instance {@code from}'s config. */
  JsonNode addInstances(JobKey key, int from, int count) {
    String body = MAPPER.createObjectNode().put("from_instance", from).put("count", count).toString();
    return send(HttpRequest.newBuilder(uri("/api/v1/jobs/" + key + "/instances")).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(body)));
  }

  /** The dashboard page of a job on this cluster's scheduler; no request needed. */
  String dashboardUrl(JobKey key) {
    return baseUrl + "/scheduler/" + key.path();
  }

  JsonNode quota(String role) {
    return send(HttpRequest.newBuilder(uri("/api/v1/quotas/" + encode(role))).GET());
  }

  JsonNode setQuota(String role, double cpu, long ramBytes, long diskBytes) {
    String body = MAPPER.createObjectNode().put("cpu", cpu).put("ram", ramBytes).put("disk", diskBytes).toString();
    return send(HttpRequest.newBuilder(uri("/api/v1/quotas/" + encode(role))).header("Content-Type", "application/json")
        .PUT(HttpRequest.BodyPublishers.ofString(body)));
  }

  /** {@code command} is "drain" or "activate". */
  JsonNode changeHosts(String command, List<String> hosts) {
    var body = MAPPER.createObjectNode();
    hosts.forEach(body.putArray("hosts")::add);
    return send(HttpRequest.newBuilder(uri("/api/v1/admin/hosts/" + command)).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(body.toString())));
  }

  /** These hosts' maintenance, or (none given) every host in maintenance. */
  JsonNode hostStatus(List<String> hosts) {
    String query = String.join("&", hosts.stream().map(host -> "host=" + encode(host)).toList());
    return send(HttpRequest.newBuilder(uri("/api/v1/admin/hosts" + (query.isEmpty() ? "" : "?" + query))).GET());
  }

  /** What {@link #backup} wrote. */
  record BackupWritten(int jobs, int tasks, long bytes) {}

  /**
   * Downloads a backup into a temporary file beside {@code file} and moves it into place only when it
   * is complete, so a failed backup never leaves a truncated file where a good one was.
   */
  BackupWritten backup(Path file) {
    Path target = file.toAbsolutePath();
    Path partial = target.resolveSibling(target.getFileName() + ".partial");
    HttpRequest request = signed(HttpRequest.newBuilder(uri("/api/v1/admin/backup"))).timeout(BACKUP_TIMEOUT).GET().build();
    try {
      HttpResponse<Path> response = http.send(request, HttpResponse.BodyHandlers.ofFile(partial));
      if (response.statusCode() >= 400) {
        String body = Files.readString(partial);
        throw error(response.statusCode(), body.isBlank() ? MAPPER.createObjectNode() : MAPPER.readTree(body));
      }
      long bytes = Files.size(partial);
      Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      return new BackupWritten(intHeader(response, "Borealis-Backup-Jobs"), intHeader(response, "Borealis-Backup-Tasks"), bytes);
    } catch (ConnectException e) {
      throw unreachable();
    } catch (IOException e) {
      throw new CliException("Backing up to " + file + " failed: " + e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new CliException("Interrupted");
    } finally {
      try {
        Files.deleteIfExists(partial);
      } catch (IOException ignored) {
        // best effort: the partial file is named as such
      }
    }
  }

  private static int intHeader(HttpResponse<?> response, String name) {
    return response.headers().firstValue(name).map(Integer::parseInt).orElse(-1);
  }

  private CliException unreachable() {
    return new CliException("Cannot reach the scheduler of cluster '" + cluster + "' at " + baseUrl
        + ". Is it running? Start a local one with: ./borealis local");
  }

  private URI uri(String path) {
    return URI.create(baseUrl + path);
  }

  private JsonNode send(HttpRequest.Builder request) {
    try {
      HttpResponse<String> response = http.send(signed(request).timeout(TIMEOUT).header("Accept", "application/json").build(),
          HttpResponse.BodyHandlers.ofString());
      JsonNode body = response.body().isEmpty() ? MAPPER.createObjectNode() : MAPPER.readTree(response.body());
      if (response.statusCode() >= 400) {
        throw error(response.statusCode(), body);
      }
      return body;
    } catch (ConnectException e) {
      throw unreachable();
    } catch (IOException e) {
      throw new CliException("Talking to the scheduler at " + baseUrl + " failed: " + e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new CliException("Interrupted");
    }
  }

  private HttpRequest.Builder signed(HttpRequest.Builder request) {
    return credentials == null ? request : request.header("Authorization", credentials.authorizationHeader());
  }

  private CliException error(int status, JsonNode body) {
    JsonNode error = body.path("error");
    String message = error.path("message").asText("the scheduler answered HTTP " + status);
    if (status == 401) {
      message += credentials == null
          ? ". Sign in with " + Credentials.TOKEN_VARIABLE + " (or " + Credentials.USER_VARIABLE + " and "
              + Credentials.PASSWORD_VARIABLE + "), or an \"auth\" entry for cluster '" + cluster + "' in ~/.borealis/clusters.json"
          : " (signed in with " + credentials + ")";
    }
    List<String> details = new ArrayList<>();
    for (JsonNode detail : error.path("details")) {
      details.add(detail.path("path").asText() + ": " + detail.path("message").asText());
    }
    return new CliException(message, details);
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }
}
