package io.borealis.devcluster;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Whether bytes are protobuf wire format at all (tags, wire types, varints, lengths and groups that
 * fit together), without a schema. The dev cluster decodes JSON only, but a Mesos master answers an
 * {@code application/x-protobuf} body it cannot parse with 400 "Failed to parse body into Call
 * protobuf" (exchange 14: a JSON body sent as protobuf); this tells such a body from a real protobuf
 * message, which Mesos would have taken. Nested messages are not looked into.
 */
final class ProtobufWire {
  private ProtobufWire() {}

  static boolean isWellFormed(byte[] bytes) {
    Deque<Long> groups = new ArrayDeque<>();
    int[] at = {0};
    while (at[0] < bytes.length) {
      long tag = varint(bytes, at);
      long field = tag >>> 3;
      if (tag < 0 || field == 0) {
        return false;
      }
      switch ((int) (tag & 7)) {
        case 0 -> varint(bytes, at);
        case 1 -> at[0] += 8;
        case 2 -> {
          long length = varint(bytes, at);
          if (length < 0 || length > bytes.length) {
            return false;
          }
          at[0] += (int) length;
        }
        case 3 -> groups.push(field);
        case 4 -> {
          if (groups.isEmpty() || groups.pop() != field) {
            return false;
          }
        }
        case 5 -> at[0] += 4;
        default -> {
          return false;
        }
      }
      if (at[0] < 0 || at[0] > bytes.length) {
        return false;
      }
    }
    return groups.isEmpty();
  }

  /**
   * Reads a base-128 varint at {@code at[0]} and moves past it. On a truncated or over-long varint
   * returns -1 with {@code at[0]} set to -1 (a valid 64-bit varint may also read as negative, so a
   * caller that takes any value checks {@code at[0]} instead).
   */
  private static long varint(byte[] bytes, int[] at) {
    long value = 0;
    for (int shift = 0; shift < 64; shift += 7) {
      if (at[0] >= bytes.length) {
        at[0] = -1;
        return -1;
      }
      byte b = bytes[at[0]++];
      value |= (long) (b & 0x7f) << shift;
      if ((b & 0x80) == 0) {
        return value;
      }
    }
    at[0] = -1;
    return -1;
  }
}
