package io.borealis.mesos.wire;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * RecordIO, the framing of Mesos' streaming responses: {@code <decimal byte count>\n<bytes>}, with
 * nothing between records. HTTP chunk boundaries carry no meaning, so the {@link Decoder} accepts
 * bytes in pieces of any size and returns each record once it is complete.
 */
public final class RecordIo {
  /** A record larger than this is treated as a corrupt stream rather than buffered. */
  public static final int MAX_RECORD_BYTES = 64 * 1024 * 1024;

  private RecordIo() {}

  public static byte[] encode(byte[] record) {
    byte[] header = (record.length + "\n").getBytes(StandardCharsets.US_ASCII);
    byte[] framed = new byte[header.length + record.length];
    System.arraycopy(header, 0, framed, 0, header.length);
    System.arraycopy(record, 0, framed, header.length, record.length);
    return framed;
  }

  /** Incremental decoder; not thread-safe (one per stream, fed from one thread). */
  public static final class Decoder {
    private final StringBuilder lengthDigits = new StringBuilder();
    private ByteArrayOutputStream record;
    private int remaining = -1;

    /**
     * Feeds the next piece of the stream.
     *
     * @return the records completed by this piece, in order (often none, possibly several)
     * @throws IllegalStateException if the stream is not RecordIO; the connection should be dropped
     */
    public List<byte[]> feed(byte[] bytes) {
      return feed(bytes, 0, bytes.length);
    }

    public List<byte[]> feed(byte[] bytes, int offset, int length) {
      List<byte[]> complete = new ArrayList<>(1);
      int i = offset;
      int end = offset + length;
      while (i < end) {
        if (remaining < 0) {
          i = readLength(bytes, i, end);
          if (remaining == 0) {
            complete.add(new byte[0]);
            remaining = -1;
          }
        } else {
          int take = Math.min(remaining, end - i);
          record.write(bytes, i, take);
          i += take;
          remaining -= take;
          if (remaining == 0) {
            complete.add(record.toByteArray());
            record = null;
            remaining = -1;
          }
        }
      }
      return complete;
    }

    private int readLength(byte[] bytes, int i, int end) {
      while (i < end) {
        byte b = bytes[i++];
        if (b == '\n') {
          if (lengthDigits.length() == 0) {
            throw new IllegalStateException("RecordIO: empty record length");
          }
          long size = Long.parseLong(lengthDigits.toString());
          if (size > MAX_RECORD_BYTES) {
            throw new IllegalStateException("RecordIO: record of " + size + " bytes exceeds " + MAX_RECORD_BYTES);
          }
          lengthDigits.setLength(0);
          remaining = (int) size;
          record = new ByteArrayOutputStream(remaining);
          return i;
        }
        if (b < '0' || b > '9' || lengthDigits.length() >= 19) {
          throw new IllegalStateException("RecordIO: expected a decimal record length, found byte " + (b & 0xff));
        }
        lengthDigits.append((char) b);
      }
      return i;
    }

    /** True when the stream ended between records, not in the middle of one. */
    public boolean isAtRecordBoundary() {
      return remaining < 0 && lengthDigits.length() == 0;
    }
  }
}
