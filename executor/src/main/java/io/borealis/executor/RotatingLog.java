package io.borealis.executor;

import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/**
 * One log file rotated by size, as Thermos' rotating logger does: {@code stdout} is written until it
 * reaches {@code maxBytes}; the line being written is finished there (a line is not split between
 * two files), then {@code stdout} becomes {@code stdout.1}, {@code stdout.1} becomes
 * {@code stdout.2} and so on, the oldest beyond {@code backups} is deleted, and a fresh
 * {@code stdout} is started. A line that goes on for another {@code maxBytes} without ending is cut
 * there, so no file exceeds twice the limit. Without rotation it is one growing file.
 *
 * <p>Worked example, maxBytes 10, backups 1, input "aaaa\nbbbb\ncccc\n": "aaaa\nbbbb\n" reaches
 * 10 bytes on a line end, so it rotates to {@code stdout.1}; "cccc\n" is {@code stdout}.
 *
 * <p>Blocking file I/O: used only by the thread that pumps one process stream.
 */
final class RotatingLog implements Closeable {
  /** Gives a file the executor just created to the task's user. */
  interface Owner {
    void own(Path file) throws IOException;
  }

  private final Path file;
  private final boolean rotate;
  private final long maxBytes;
  private final int backups;
  private final Owner owner;
  private OutputStream out;
  private long size;
  private byte last = '\n';

  RotatingLog(Path file, boolean rotate, long maxBytes, int backups, Owner owner) throws IOException {
    this.file = file;
    this.rotate = rotate;
    this.maxBytes = maxBytes;
    this.backups = backups;
    this.owner = owner;
    open();
  }

  void write(byte[] data, int offset, int length) throws IOException {
    int end = offset + length;
    int at = offset;
    while (at < end) {
      if (rotate && size >= maxBytes && (last == '\n' || size >= 2 * maxBytes)) {
        rotateNow();
      }
      int stop;
      if (!rotate) {
        stop = end;
      } else if (size < maxBytes) {
        stop = (int) Math.min(end, at + (maxBytes - size));
      } else {
        // Past the limit: up to the end of the current line, and no further than the hard cap.
        int newline = indexOf(data, (byte) '\n', at, end);
        stop = (int) Math.min(newline >= 0 ? newline + 1 : end, at + (2 * maxBytes - size));
      }
      out.write(data, at, stop - at);
      size += stop - at;
      last = data[stop - 1];
      at = stop;
    }
  }

  @Override
  public void close() throws IOException {
    out.close();
  }

  private void rotateNow() throws IOException {
    out.close();
    Files.deleteIfExists(backup(backups));
    for (int i = backups - 1; i >= 1; i--) {
      if (Files.exists(backup(i))) {
        Files.move(backup(i), backup(i + 1), StandardCopyOption.REPLACE_EXISTING);
      }
    }
    if (backups > 0) {
      Files.move(file, backup(1), StandardCopyOption.REPLACE_EXISTING);
    } else {
      Files.delete(file);
    }
    open();
  }

  private void open() throws IOException {
    boolean created = !Files.exists(file);
    out = Files.newOutputStream(file, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    if (created) {
      owner.own(file);
    }
    size = Files.size(file);
    last = '\n';
  }

  private Path backup(int index) {
    return file.resolveSibling(file.getFileName() + "." + index);
  }

  private static int indexOf(byte[] data, byte wanted, int from, int to) {
    for (int i = from; i < to; i++) {
      if (data[i] == wanted) {
        return i;
      }
    }
    return -1;
  }
}
