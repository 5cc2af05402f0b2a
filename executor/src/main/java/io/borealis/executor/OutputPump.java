package io.borealis.executor;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.concurrent.CompletableFuture;

/**
 * Copies one piped process stream (stdout or stderr) to its {@link RotatingLog} and/or the executor's
 * own stream, on a thread of its own: reading a pipe blocks, and must never happen on the event loop
 * or hold one of the few worker threads for the life of a process.
 *
 * <p>Why a pipe through the executor rather than rotating the file the process writes: a file
 * cannot be rotated under a writer safely. Renaming it leaves the process writing to the renamed
 * file, and copying then truncating it (logrotate's copytruncate) loses what is written in between
 * and lets the file grow past the limit until the next size check. Reading the pipe, the executor
 * sees every byte before it lands, so it can rotate exactly at line ends, as Thermos' own rotating
 * logger (which also pipes) does. The price is a thread and a copy per stream, paid only by
 * processes whose logger rotates or also writes to the console; the others write to their files
 * directly.
 */
final class OutputPump {
  private static final System.Logger LOG = System.getLogger(OutputPump.class.getName());
  /** Threads doing nothing but read and write need little stack. */
  private static final long STACK_BYTES = 256 * 1024;

  private OutputPump() {}

  /** The executor's own stdout or stderr (the sandbox's), unbuffered. */
  static OutputStream console(boolean stderr) {
    return new FileOutputStream(stderr ? FileDescriptor.err : FileDescriptor.out);
  }

  /**
   * Starts copying {@code from} until end of stream (every writer of the pipe, children included,
   * has closed it).
   *
   * @param log may be null (console only); closed at the end
   * @param console may be null (file only); left open
   * @return completes once everything read is written
   */
  static CompletableFuture<Void> start(String name, InputStream from, RotatingLog log, OutputStream console) {
    CompletableFuture<Void> drained = new CompletableFuture<>();
    Thread thread = new Thread(null, () -> {
      try {
        copy(name, from, log, console);
      } finally {
        drained.complete(null);
      }
    }, "output-" + name, STACK_BYTES);
    thread.setDaemon(true);
    thread.start();
    return drained;
  }

  private static void copy(String name, InputStream from, RotatingLog log, OutputStream console) {
    byte[] buffer = new byte[16 * 1024];
    boolean failed = false;
    try (from) {
      int read;
      while ((read = from.read(buffer)) > 0) {
        try {
          if (log != null) {
            log.write(buffer, 0, read);
          }
          if (console != null) {
            console.write(buffer, 0, read);
          }
        } catch (IOException e) {
          // Keep reading (and dropping): a process blocked on a full pipe would hang, which is worse
          // than losing output on a full disk.
          if (!failed) {
            LOG.log(System.Logger.Level.WARNING, "cannot write the output of " + name + "; dropping it", e);
            failed = true;
          }
        }
      }
    } catch (IOException e) {
      LOG.log(System.Logger.Level.DEBUG, "reading the output of {0} ended: {1}", name, e.getMessage());
    } finally {
      closeQuietly(log);
    }
  }

  private static void closeQuietly(RotatingLog log) {
    if (log == null) {
      return;
    }
    try {
      log.close();
    } catch (IOException e) {
      LOG.log(System.Logger.Level.DEBUG, "closing a log: {0}", e.getMessage());
    }
  }
}
