package io.borealis.cli;

import java.io.PrintWriter;

/**
 * How a waiting command shows how far it got: a progress bar on a terminal, plain lines otherwise
 * ({@code 2/3 instances RUNNING}, one per change), so logs, CI and tests get stable text rather than
 * carriage returns and colour codes.
 */
interface Progress extends AutoCloseable {
  /** {@code done} of {@code total} are there; called on every poll, repeated values are fine. */
  void update(int done, int total);

  @Override
  void close();

  /** @param what what is counted, e.g. {@code instances RUNNING} */
  static Progress create(PrintWriter out, String what) {
    return System.console() != null ? new ProgressBarDisplay(what) : new ProgressLines(out, what);
  }

  /** Plain lines: one each time the count changes. */
  final class ProgressLines implements Progress {
    private final PrintWriter out;
    private final String what;
    private int lastDone = -1;
    private int lastTotal = -1;

    ProgressLines(PrintWriter out, String what) {
      this.out = out;
      this.what = what;
    }

    @Override
    public void update(int done, int total) {
      if (done != lastDone || total != lastTotal) {
        lastDone = done;
        lastTotal = total;
        out.println(done + "/" + total + " " + what);
        out.flush();
      }
    }

    @Override
    public void close() {
      // nothing to tidy: every line is complete
    }
  }
}
