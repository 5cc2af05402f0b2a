package io.borealis.mesos.wire;

import java.nio.ByteBuffer;
import java.util.UUID;

/** Status-update uuids: 16 raw bytes of an RFC 4122 UUID (Base64 on the JSON wire). */
public final class Uuids {
  private Uuids() {}

  public static byte[] toBytes(UUID uuid) {
    return ByteBuffer.allocate(16)
        .putLong(uuid.getMostSignificantBits())
        .putLong(uuid.getLeastSignificantBits())
        .array();
  }

  public static byte[] random() {
    return toBytes(UUID.randomUUID());
  }

  /** What the Mesos master checks before accepting an acknowledgement: 16 bytes, version 1 to 5. */
  public static boolean isValid(byte[] bytes) {
    if (bytes == null || bytes.length != 16) {
      return false;
    }
    int version = (bytes[6] >> 4) & 0x0f;
    return version >= 1 && version <= 5;
  }
}
