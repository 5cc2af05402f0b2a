package io.borealis.devcluster;

import java.util.List;

/** Signals to a process and everything it started, children first so none is re-parented unseen. */
final class ProcessTrees {
  private ProcessTrees() {}

  static void terminate(ProcessHandle root) {
    List<ProcessHandle> tree = root.descendants().toList();
    tree.forEach(ProcessHandle::destroy);
    root.destroy();
  }

  static void kill(ProcessHandle root) {
    List<ProcessHandle> tree = root.descendants().toList();
    root.destroyForcibly();
    tree.forEach(ProcessHandle::destroyForcibly);
  }
}
