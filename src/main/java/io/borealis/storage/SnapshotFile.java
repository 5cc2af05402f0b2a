package io.borealis.storage;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

/**
 * A whole state in one file: the mutations that rebuild it, then an end record with their count.
 * A snapshot without its end record was cut short and is refused, never half-loaded. Backups are
 * snapshot files too.
 */
public final class SnapshotFile {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private SnapshotFile() {}

  /** The file's bytes for {@code state}. */
  public static byte[] encode(List<Mutation> state) {
    MutationCodec.Encoder encoder = new MutationCodec.Encoder();
    List<byte[]> payloads = new ArrayList<>(state.size() + 16);
    for (Mutation mutation : state) {
      encoder.encode(mutation, payloads);
    }
    payloads.add(("{\"t\":\"end\",\"records\":" + payloads.size() + "}").getBytes(StandardCharsets.UTF_8));
    long size = RecordFormat.HEADER_BYTES;
    for (byte[] payload : payloads) {
      size += RecordFormat.RECORD_OVERHEAD + payload.length;
    }
    if (size > Integer.MAX_VALUE - 8) {
      throw new StorageException("a snapshot of " + state.size() + " records is larger than 2 GiB");
    }
    ByteBuffer buffer = ByteBuffer.allocate((int) size).put(RecordFormat.SNAPSHOT_MAGIC);
    payloads.forEach(payload -> RecordFormat.writeRecord(buffer, payload));
    return buffer.array();
  }

  /** Writes {@code bytes} to {@code file} and forces them to disk before returning. */
  static void writeDurably(Path file, byte[] bytes) throws IOException {
    try (FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
        StandardOpenOption.TRUNCATE_EXISTING)) {
      ByteBuffer buffer = ByteBuffer.wrap(bytes);
      while (buffer.hasRemaining()) {
        channel.write(buffer);
      }
      channel.force(true);
    }
  }

  /** The state in a snapshot file. */
  public static StoredState read(Path file) {
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(file);
    } catch (IOException e) {
      throw new StorageException("Cannot read snapshot " + file + ": " + e.getMessage(), e);
    }
    return decode(bytes, file.toString());
  }

  static StoredState decode(byte[] bytes, String source) {
    RecordFormat.Contents contents = RecordFormat.read(bytes, RecordFormat.SNAPSHOT_MAGIC);
    if (!contents.clean()) {
      throw new StorageException("Snapshot " + source + " is corrupt: " + contents.problem());
    }
    List<byte[]> records = contents.records();
    if (records.isEmpty() || !isEnd(records.get(records.size() - 1), records.size() - 1)) {
      throw new StorageException("Snapshot " + source + " is incomplete: its end record is missing");
    }
    List<byte[]> body = records.subList(0, records.size() - 1);
    StoredState state = StoredState.empty();
    for (Mutation mutation : decodeAll(body, source)) {
      if (mutation != null) {
        state.apply(mutation);
      }
    }
    return state;
  }

  /**
   * Decodes every record, in order. Configs come first, one by one (tasks refer to them); the task
   * records, nearly all of a snapshot and independent of each other, are then decoded on every core,
   * which is most of what a restart with a large store waits for.
   */
  private static Mutation[] decodeAll(List<byte[]> records, String source) {
    MutationCodec.Decoder decoder = new MutationCodec.Decoder();
    Mutation[] decoded = new Mutation[records.size()];
    for (int i = 0; i < records.size(); i++) {
      if (MutationCodec.definesConfig(records.get(i))) {
        decodeOne(decoder, records, i, source);
      }
    }
    IntStream.range(0, records.size()).parallel()
        .filter(i -> !MutationCodec.definesConfig(records.get(i)))
        .forEach(i -> decoded[i] = decodeOne(decoder, records, i, source));
    return decoded;
  }

  private static Mutation decodeOne(MutationCodec.Decoder decoder, List<byte[]> records, int i, String source) {
    try {
      return decoder.decode(records.get(i));
    } catch (RuntimeException e) {
      throw new StorageException("Snapshot " + source + " is corrupt: record " + i + " " + e.getMessage(), e);
    }
  }

  private static boolean isEnd(byte[] payload, int records) {
    try {
      JsonNode node = MAPPER.readTree(payload);
      return "end".equals(node.path("t").asText()) && node.path("records").asInt(-1) == records;
    } catch (IOException e) {
      return false;
    }
  }
}
