package io.borealis.storage;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.zip.CRC32C;

/**
 * How records sit in a journal segment or snapshot file: an 8-byte magic naming the kind of file,
 * then records of {@code [int length][int CRC32C of the payload][payload]}. The checksum is what lets
 * recovery tell a record that reached the disk whole from one a crash cut short.
 */
final class RecordFormat {
  static final byte[] JOURNAL_MAGIC = "BRLJRNL1".getBytes(StandardCharsets.US_ASCII);
  static final byte[] SNAPSHOT_MAGIC = "BRLSNAP1".getBytes(StandardCharsets.US_ASCII);
  static final int HEADER_BYTES = 8;
  static final int RECORD_OVERHEAD = 8;
  /** Far above any record we write; a larger length can only be garbage. */
  static final int MAX_RECORD_BYTES = 64 << 20;

  private RecordFormat() {}

  /** Several payloads as one: each prefixed by its length. A journal record holds one batch this way. */
  static byte[] joinParts(List<byte[]> parts) {
    int size = 0;
    for (byte[] part : parts) {
      size += 4 + part.length;
    }
    ByteBuffer joined = ByteBuffer.allocate(size);
    parts.forEach(part -> joined.putInt(part.length).put(part));
    return joined.array();
  }

  static List<byte[]> splitParts(byte[] payload) {
    List<byte[]> parts = new ArrayList<>();
    ByteBuffer buffer = ByteBuffer.wrap(payload);
    while (buffer.hasRemaining()) {
      int length = buffer.getInt();
      if (length < 0 || length > buffer.remaining()) {
        throw new IllegalArgumentException("a batch part claims " + length + " bytes, " + buffer.remaining() + " remain");
      }
      byte[] part = new byte[length];
      buffer.get(part);
      parts.add(part);
    }
    return parts;
  }

  static void writeRecord(ByteBuffer target, byte[] payload) {
    CRC32C crc = new CRC32C();
    crc.update(payload);
    target.putInt(payload.length).putInt((int) crc.getValue()).put(payload);
  }

  /**
   * The records of a file's bytes, up to the first one that is incomplete or fails its checksum.
   *
   * @param validLength bytes up to and including the last good record
   * @param problem what is wrong at {@code validLength}, or null when the file ends cleanly
   */
  record Contents(List<byte[]> records, long validLength, String problem) {
    boolean clean() {
      return problem == null;
    }
  }

  static Contents read(byte[] bytes, byte[] magic) {
    List<byte[]> records = new ArrayList<>();
    if (bytes.length < HEADER_BYTES) {
      return new Contents(records, 0, "the file is shorter than its header (" + bytes.length + " bytes)");
    }
    if (!Arrays.equals(bytes, 0, HEADER_BYTES, magic, 0, HEADER_BYTES)) {
      return new Contents(records, 0, "the file does not start with " + new String(magic, StandardCharsets.US_ASCII));
    }
    ByteBuffer buffer = ByteBuffer.wrap(bytes);
    int position = HEADER_BYTES;
    while (position < bytes.length) {
      if (bytes.length - position < RECORD_OVERHEAD) {
        return new Contents(records, position, "a record header is cut short at byte " + position);
      }
      int length = buffer.getInt(position);
      int expectedCrc = buffer.getInt(position + 4);
      if (length < 0 || length > MAX_RECORD_BYTES) {
        return new Contents(records, position, "a record at byte " + position + " claims an impossible length " + length);
      }
      if (bytes.length - position - RECORD_OVERHEAD < length) {
        return new Contents(records, position, "the record at byte " + position + " is cut short");
      }
      CRC32C crc = new CRC32C();
      crc.update(bytes, position + RECORD_OVERHEAD, length);
      if ((int) crc.getValue() != expectedCrc) {
        return new Contents(records, position, "the record at byte " + position + " fails its checksum");
      }
      records.add(Arrays.copyOfRange(bytes, position + RECORD_OVERHEAD, position + RECORD_OVERHEAD + length));
      position += RECORD_OVERHEAD + length;
    }
    return new Contents(records, position, null);
  }
}
