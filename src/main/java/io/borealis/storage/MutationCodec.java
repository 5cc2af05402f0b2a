package io.borealis.storage;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.borealis.config.JobJson;
import io.borealis.model.JobConfig;
import io.borealis.model.JobKey;
import io.borealis.model.MaintenanceMode;
import io.borealis.model.Resources;
import io.borealis.model.ScheduledTask;
import io.borealis.model.TaskEvent;
import io.borealis.model.TaskState;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Mutations as JSON records. A task refers to its job config by a number that a {@code config}
 * record earlier in the same file defines, so thousands of tasks of one job store the config once.
 * Both directions are stateful per file: start a new {@link Encoder} or {@link Decoder} for each.
 */
final class MutationCodec {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private MutationCodec() {}

  /** Turns mutations into payloads, emitting each config the first time a task of this file uses it. */
  static final class Encoder {
    /** By identity: tasks share their config object, and equals() on a config walks all of it. */
    private final Map<JobConfig, Integer> configIds = new IdentityHashMap<>();

    void encode(Mutation mutation, List<byte[]> out) {
      ObjectNode node = MAPPER.createObjectNode();
      if (mutation instanceof Mutation.SaveJob m) {
        node.put("t", "job").put("config", configId(m.config(), out));
      } else if (mutation instanceof Mutation.RemoveJob m) {
        node.put("t", "-job").put("key", m.key().toString());
      } else if (mutation instanceof Mutation.SaveTask m) {
        writeTask(node, m.task(), configId(m.task().config(), out));
      } else if (mutation instanceof Mutation.RemoveTask m) {
        node.put("t", "-task").put("id", m.taskId());
      } else if (mutation instanceof Mutation.SaveThrottle m) {
        node.put("t", "throttle").put("task", m.taskId());
        if (m.until() != null) {
          node.put("until", nanos(m.until()));
        }
      } else if (mutation instanceof Mutation.SaveUpdate m) {
        node.put("t", "update").set("update", UpdateJson.write(m.update(), config -> configId(config, out)));
      } else if (mutation instanceof Mutation.RemoveUpdate m) {
        node.put("t", "-update").put("id", m.updateId());
      } else if (mutation instanceof Mutation.SaveQuota m) {
        node.put("t", "quota").put("role", m.role()).put("cpu", m.quota().cpu()).put("ram", m.quota().ramBytes())
            .put("disk", m.quota().diskBytes()).put("gpu", m.quota().gpu());
      } else if (mutation instanceof Mutation.SaveHostMaintenance m) {
        node.put("t", "host").put("host", m.host()).put("mode", m.mode().name());
      } else if (mutation instanceof Mutation.SaveFrameworkId m) {
        node.put("t", "framework").put("id", m.frameworkId());
      } else if (mutation instanceof Mutation.SaveEventId m) {
        node.put("t", "event-id").put("last", m.lastEventId());
      }
      out.add(bytes(node));
    }

    private int configId(JobConfig config, List<byte[]> out) {
      Integer known = configIds.get(config);
      if (known != null) {
        return known;
      }
      int id = configIds.size() + 1;
      configIds.put(config, id);
      out.add(bytes(MAPPER.createObjectNode().put("t", "config").put("id", id).set("job", JobJson.write(config))));
      return id;
    }

    private static void writeTask(ObjectNode node, ScheduledTask task, int configId) {
      node.put("t", "task").put("id", task.taskId()).put("config", configId).put("instance", task.instance())
          .put("state", task.state().name()).put("failures", task.failureCount());
      putIfPresent(node, "agent", task.agentId());
      putIfPresent(node, "host", task.host());
      putIfPresent(node, "ancestor", task.ancestorId());
      if (!task.ports().isEmpty()) {
        ObjectNode ports = node.putObject("ports");
        task.ports().forEach(ports::put);
      }
      ArrayNode events = node.putArray("events");
      for (TaskEvent event : task.events()) {
        ArrayNode entry = events.addArray().add(nanos(event.timestamp())).add(event.state().name());
        if (event.message() != null) {
          entry.add(event.message());
        }
      }
    }

    private static void putIfPresent(ObjectNode node, String field, String value) {
      if (value != null) {
        node.put(field, value);
      }
    }
  }

  private static final byte[] CONFIG_PREFIX = "{\"t\":\"config\"".getBytes(StandardCharsets.UTF_8);

  /**
   * Whether a payload defines a config, judged from its first bytes as the encoder writes them. Only
   * these change a decoder's state; every other record may be decoded concurrently once they are in.
   */
  static boolean definesConfig(byte[] payload) {
    return payload.length >= CONFIG_PREFIX.length
        && Arrays.equals(payload, 0, CONFIG_PREFIX.length, CONFIG_PREFIX, 0, CONFIG_PREFIX.length);
  }

  /**
   * Reads payloads back, keeping the configs defined so far in this file. Safe for concurrent use on
   * records that do not {@linkplain #definesConfig define a config}: those only read the map.
   */
  static final class Decoder {
    private final Map<Integer, JobConfig> configs = new HashMap<>();

    /** The mutation in a payload, or null for a record that only defines a config. */
    Mutation decode(byte[] payload) {
      try (JsonParser parser = MAPPER.getFactory().createParser(payload)) {
        // Task records are nearly all of a store; they are read field by field, which at 100,000
        // tasks takes a fraction of the time a tree per record does. The rest are rare and small.
        if (parser.nextToken() == JsonToken.START_OBJECT && "t".equals(parser.nextFieldName())
            && "task".equals(parser.nextTextValue())) {
          return new Mutation.SaveTask(readTask(parser));
        }
        return decodeTree(MAPPER.readTree(payload));
      } catch (IOException e) {
        throw new IllegalArgumentException("not JSON: " + e.getMessage(), e);
      }
    }

    private Mutation decodeTree(JsonNode node) {
      String type = node.path("t").asText();
      return switch (type) {
        case "config" -> {
          JobJson.ReadResult result = JobJson.read(node.get("job"));
          if (!result.ok()) {
            throw new IllegalArgumentException("stored job config is invalid: " + result.problems());
          }
          configs.put(node.get("id").asInt(), result.jobs().get(0));
          yield null;
        }
        case "job" -> new Mutation.SaveJob(config(node.get("config").asInt()));
        case "-job" -> new Mutation.RemoveJob(JobKey.parse(node.get("key").asText()));
        case "task" -> throw new IllegalArgumentException("task record whose type is not its first field");
        case "-task" -> new Mutation.RemoveTask(node.get("id").asText());
        case "update" -> new Mutation.SaveUpdate(UpdateJson.read(node.get("update"), this::config));
        case "-update" -> new Mutation.RemoveUpdate(node.get("id").asText());
        case "quota" -> new Mutation.SaveQuota(node.get("role").asText(), new Resources(node.get("cpu").asDouble(),
            node.get("ram").asLong(), node.get("disk").asLong(), node.get("gpu").asInt()));
        case "throttle" -> new Mutation.SaveThrottle(node.get("task").asText(),
            node.has("until") ? instant(node.get("until").asLong()) : null);
        case "host" -> new Mutation.SaveHostMaintenance(node.get("host").asText(), MaintenanceMode.valueOf(node.get("mode").asText()));
        case "framework" -> new Mutation.SaveFrameworkId(node.get("id").asText());
        case "event-id" -> new Mutation.SaveEventId(node.get("last").asLong());
        default -> throw new IllegalArgumentException("unknown record type '" + type + "'");
      };
    }

    private JobConfig config(int id) {
      JobConfig config = configs.get(id);
      if (config == null) {
        throw new IllegalArgumentException("refers to config " + id + ", which no earlier record defines");
      }
      return config;
    }

    /** The fields of a task record after its type, as {@link Encoder#writeTask} wrote them. */
    private ScheduledTask readTask(JsonParser parser) throws IOException {
      String id = null;
      String state = null;
      String agent = null;
      String host = null;
      String ancestor = null;
      int config = 0;
      int instance = -1;
      int failures = 0;
      Map<String, Integer> ports = Map.of();
      List<TaskEvent> events = new ArrayList<>();
      for (String field = parser.nextFieldName(); field != null; field = parser.nextFieldName()) {
        JsonToken value = parser.nextToken();
        switch (field) {
          case "id" -> id = parser.getText();
          case "config" -> config = parser.getIntValue();
          case "instance" -> instance = parser.getIntValue();
          case "state" -> state = parser.getText();
          case "failures" -> failures = parser.getIntValue();
          case "agent" -> agent = value == JsonToken.VALUE_NULL ? null : parser.getText();
          case "host" -> host = value == JsonToken.VALUE_NULL ? null : parser.getText();
          case "ancestor" -> ancestor = value == JsonToken.VALUE_NULL ? null : parser.getText();
          case "ports" -> ports = readPorts(parser);
          case "events" -> readEvents(parser, events);
          default -> parser.skipChildren();
        }
      }
      if (id == null || state == null || instance < 0) {
        throw new IllegalArgumentException("task record without id, state or instance");
      }
      return new ScheduledTask(id, config(config), instance, TaskState.valueOf(state), agent, host, ports, failures, ancestor,
          events);
    }

    private static Map<String, Integer> readPorts(JsonParser parser) throws IOException {
      Map<String, Integer> ports = new LinkedHashMap<>();
      for (String name = parser.nextFieldName(); name != null; name = parser.nextFieldName()) {
        parser.nextToken();
        ports.put(name, parser.getIntValue());
      }
      return ports;
    }

    /** Each event is {@code [nanos, state]} or {@code [nanos, state, message]}. */
    private static void readEvents(JsonParser parser, List<TaskEvent> events) throws IOException {
      while (parser.nextToken() == JsonToken.START_ARRAY) {
        parser.nextToken();
        Instant at = instant(parser.getLongValue());
        TaskState state = TaskState.valueOf(parser.nextTextValue());
        String message = parser.nextToken() == JsonToken.END_ARRAY ? null : parser.getText();
        if (message != null && parser.nextToken() != JsonToken.END_ARRAY) {
          throw new IllegalArgumentException("task event with more than three fields");
        }
        events.add(new TaskEvent(at, state, message));
      }
    }
  }

  private static byte[] bytes(JsonNode node) {
    try {
      return MAPPER.writeValueAsBytes(node);
    } catch (IOException e) {
      throw new IllegalStateException("cannot encode " + node, e);
    }
  }

  /** Instants as nanoseconds since the epoch: exact, and one number instead of an ISO string. */
  static long nanos(Instant instant) {
    return Math.addExact(Math.multiplyExact(instant.getEpochSecond(), 1_000_000_000L), instant.getNano());
  }

  static Instant instant(long nanos) {
    return Instant.ofEpochSecond(Math.floorDiv(nanos, 1_000_000_000L), Math.floorMod(nanos, 1_000_000_000L));
  }
}
