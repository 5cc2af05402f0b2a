package io.borealis.cli;

import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * The terminal form of {@link Progress}: a progress bar on stderr. Its own class so the library (and
 * jline under it) is loaded only when a terminal is there to draw on.
 */
final class ProgressBarDisplay implements Progress {
  private final ProgressBar bar;

  ProgressBarDisplay(String what) {
    bar = new ProgressBarBuilder().setTaskName(what).setStyle(ProgressBarStyle.ASCII).setInitialMax(0)
        .continuousUpdate().build();
  }

  @Override
  public void update(int done, int total) {
    bar.maxHint(total);
    bar.stepTo(done);
  }

  /** A line of detail beside the bar (an update's status and the instances in flight, say). */
  void detail(String text) {
    bar.setExtraMessage(text);
  }

  @Override
  public void close() {
    bar.close();
  }
}
