package io.borealis.devcluster;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.borealis.mesos.wire.ExecutorId;
import io.borealis.mesos.wire.FrameworkId;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServerRequest;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The agent's {@code GET /files/read?path=&offset=&length=} and {@code GET /files/browse?path=}, as a
 * Mesos agent serves them, over task sandboxes only. A path is either a sandbox's real absolute path (or a file under it) or Mesos'
 * virtual path for an executor's latest run, {@code /frameworks/F/executors/E/runs/latest/...}.
 *
 * <p>Mesos' semantics: the answer is {@code {"data": "...", "offset": N}}; {@code offset} defaults to
 * -1, meaning the end of the file, so {@code offset=-1} answers the file's size with empty data;
 * {@code length} defaults to the rest of the file and is capped at 16 pages (64 KiB) per read; an
 * offset at or past the end answers the size with empty data. A path outside every sandbox, or one
 * that does not exist, is 404; a directory is 400. Worked example: a 10-byte file, {@code offset=4&length=100}
 * answers the 6 bytes from 4 with {@code "offset": 4}; {@code offset=-1} answers {@code "offset": 10, "data": ""}.
 *
 * <p>Lives on the agent's event loop; file access runs on a worker.
 */
final class SandboxFiles {
  /** Mesos caps one read at 16 pages. */
  static final int MAX_READ = 16 * 4096;
  /** Sandboxes stay readable after their executor exits, like a Mesos agent's until GC; the oldest are forgotten first. */
  private static final int MAX_ATTACHED = 20_000;
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Vertx vertx;
  private final Map<String, Path> attached = new LinkedHashMap<>(16, 0.75f, false) {
    @Override
    protected boolean removeEldestEntry(Map.Entry<String, Path> eldest) {
      return size() > MAX_ATTACHED;
    }
  };
  /** Every sandbox lives under this directory; absolute paths outside it are refused. Set once the agent has an id. */
  private Path root;

  SandboxFiles(Vertx vertx) {
    this.vertx = vertx;
  }

  void root(Path sandboxRoot) {
    this.root = sandboxRoot.toAbsolutePath().normalize();
  }

  /** Makes an executor run's sandbox readable under its real path and Mesos' "latest run" virtual path. */
  void attach(FrameworkId framework, ExecutorId executor, Path sandbox) {
    attached.put(virtualPath(framework, executor), sandbox.toAbsolutePath().normalize());
  }

  static String virtualPath(FrameworkId framework, ExecutorId executor) {
    return "/frameworks/" + framework.value() + "/executors/" + executor.value() + "/runs/latest";
  }

  void read(HttpServerRequest request) {
    String path = request.getParam("path");
    if (path == null || path.isEmpty()) {
      MesosHttp.answer(request.response(), 400, "Expecting 'path=value' in query.\n");
      return;
    }
    long offset;
    long length;
    try {
      offset = number(request.getParam("offset"), "offset");
      length = number(request.getParam("length"), "length");
    } catch (IllegalArgumentException e) {
      MesosHttp.answer(request.response(), 400, e.getMessage());
      return;
    }
    Path file = resolve(path);
    if (file == null) {
      MesosHttp.answer(request.response(), 404, "No sandbox file at '" + path + "'\n");
      return;
    }
    Path allowed = allowedRoot(path);
    vertx.executeBlocking(() -> readChunk(file, allowed, offset, length), false)
        .onSuccess(chunk -> {
          if (chunk.status() != 200) {
            MesosHttp.answer(request.response(), chunk.status(), chunk.error());
          } else {
            request.response().putHeader("Content-Type", MesosHttp.JSON).end(chunk.json());
          }
        })
        .onFailure(e -> MesosHttp.answer(request.response(), 500, "Failed to read '" + path + "': " + e.getMessage() + "\n"));
  }

  /**
   * Mesos' {@code /files/browse}: a directory's entries (a file: itself), each as {@code {"path",
   * "size", "mtime", "mode", "nlink", "uid", "gid"}} with {@code mode} as {@code ls -l} writes it and
   * {@code path} under the path asked for (so a virtual path stays virtual).
   */
  void browse(HttpServerRequest request) {
    String path = request.getParam("path");
    if (path == null || path.isEmpty()) {
      MesosHttp.answer(request.response(), 400, "Expecting 'path=value' in query.\n");
      return;
    }
    Path file = resolve(path);
    if (file == null) {
      MesosHttp.answer(request.response(), 404, "No sandbox file at '" + path + "'\n");
      return;
    }
    Path allowed = allowedRoot(path);
    vertx.executeBlocking(() -> listing(path, file, allowed), false)
        .onSuccess(chunk -> {
          if (chunk.status() != 200) {
            MesosHttp.answer(request.response(), chunk.status(), chunk.error());
          } else {
            request.response().putHeader("Content-Type", MesosHttp.JSON).end(chunk.json());
          }
        })
        .onFailure(e -> MesosHttp.answer(request.response(), 500, "Failed to browse '" + path + "': " + e.getMessage() + "\n"));
  }

  /** Blocking: on a worker. */
  private static Chunk listing(String requested, Path file, Path allowed) throws IOException {
    Path real;
    try {
      real = file.toRealPath();
    } catch (NoSuchFileException e) {
      return new Chunk(404, "No such file or directory: '" + requested + "'\n", null);
    }
    if (!real.startsWith(allowed.toRealPath())) {
      return new Chunk(404, "No sandbox file at '" + requested + "'\n", null);
    }
    com.fasterxml.jackson.databind.node.ArrayNode entries = JSON.createArrayNode();
    if (!Files.isDirectory(real)) {
      entries.add(entry(requested, real));
      return new Chunk(200, null, entries.toString());
    }
    String prefix = requested.endsWith("/") ? requested : requested + "/";
    try (java.util.stream.Stream<Path> children = Files.list(real)) {
      for (Path child : children.sorted().toList()) {
        entries.add(entry(prefix + child.getFileName(), child));
      }
    }
    return new Chunk(200, null, entries.toString());
  }

  private static ObjectNode entry(String path, Path file) throws IOException {
    var attributes = Files.readAttributes(file, java.nio.file.attribute.PosixFileAttributes.class,
        java.nio.file.LinkOption.NOFOLLOW_LINKS);
    String kind = attributes.isDirectory() ? "d" : attributes.isSymbolicLink() ? "l" : "-";
    Object links = Files.getAttribute(file, "unix:nlink", java.nio.file.LinkOption.NOFOLLOW_LINKS);
    return JSON.createObjectNode().put("path", path).put("size", attributes.size())
        .put("mtime", attributes.lastModifiedTime().toMillis() / 1000.0)
        .put("mode", kind + java.nio.file.attribute.PosixFilePermissions.toString(attributes.permissions()))
        .put("nlink", ((Number) links).intValue())
        .put("uid", attributes.owner().getName()).put("gid", attributes.group().getName());
  }

  private static long number(String value, String name) {
    if (value == null) {
      return -1;
    }
    long parsed;
    try {
      parsed = Long.parseLong(value.trim());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("Failed to parse " + name + ": '" + value + "' is not a number.\n");
    }
    if (parsed < -1) {
      throw new IllegalArgumentException("Negative " + name + " provided: " + parsed + ".\n");
    }
    return parsed;
  }

  /** The real file a request names, or null when it is in no sandbox (a cheap check; links are checked on the worker). */
  private Path resolve(String path) {
    String[] parts = path.split("/", 8);
    // "", "frameworks", F, "executors", E, "runs", "latest"[, rest]
    if (parts.length >= 7 && parts[0].isEmpty() && "frameworks".equals(parts[1]) && "latest".equals(parts[6])) {
      Path sandbox = attached.get(String.join("/", java.util.Arrays.copyOf(parts, 7)));
      if (sandbox == null) {
        return null;
      }
      Path file = parts.length == 8 ? sandbox.resolve(parts[7]).normalize() : sandbox;
      return file.startsWith(sandbox) ? file : null;
    }
    if (root == null || !path.startsWith("/")) {
      return null;
    }
    Path file = Path.of(path).normalize();
    return file.startsWith(root) ? file : null;
  }

  /** What the real path must stay under once symbolic links are followed: the sandbox for virtual paths, else the root. */
  private Path allowedRoot(String path) {
    if (path.startsWith("/frameworks/")) {
      String[] parts = path.split("/", 8);
      return attached.get(String.join("/", java.util.Arrays.copyOf(parts, 7)));
    }
    return root;
  }

  private record Chunk(int status, String error, String json) {}

  /** Blocking: on a worker. */
  private static Chunk readChunk(Path file, Path allowed, long requestedOffset, long requestedLength) throws IOException {
    Path real;
    try {
      real = file.toRealPath();
    } catch (NoSuchFileException e) {
      return new Chunk(404, "No such file: '" + file + "'\n", null);
    }
    if (!real.startsWith(allowed.toRealPath())) {
      return new Chunk(404, "No sandbox file at '" + file + "'\n", null);
    }
    if (Files.isDirectory(real)) {
      return new Chunk(400, "Cannot read a directory.\n", null);
    }
    try (FileChannel channel = FileChannel.open(real, StandardOpenOption.READ)) {
      long size = channel.size();
      long offset = requestedOffset == -1 ? size : requestedOffset;
      long length = Math.min(requestedLength == -1 ? size - offset : requestedLength, MAX_READ);
      ObjectNode answer = JSON.createObjectNode();
      if (offset >= size || length <= 0) {
        answer.put("data", "");
        answer.put("offset", offset >= size ? size : offset);
        return new Chunk(200, null, answer.toString());
      }
      ByteBuffer buffer = ByteBuffer.allocate((int) length);
      while (buffer.hasRemaining() && channel.read(buffer, offset + buffer.position()) > 0) {
        // keep reading until the chunk is full or the file ends
      }
      buffer.flip();
      answer.put("data", StandardCharsets.UTF_8.decode(buffer).toString());
      answer.put("offset", offset);
      return new Chunk(200, null, answer.toString());
    }
  }
}
