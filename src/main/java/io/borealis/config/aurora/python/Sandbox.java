package io.borealis.config.aurora.python;

import java.util.Set;

/**
 * What a config may not do. The interpreter has no file, process, network or reflection builtins at
 * all, so the sandbox holds by construction; these names only exist so that trying them gives a
 * clear "not allowed" message instead of "not defined".
 */
final class Sandbox {
  static final Set<String> REFUSED_BUILTINS = Set.of("open", "file", "exec", "eval", "execfile", "compile",
      "__import__", "input", "raw_input", "globals", "locals", "vars", "getattr", "setattr", "delattr", "reload",
      "exit", "quit", "help", "dir", "breakpoint", "memoryview", "type", "object", "super", "id", "hash");

  private Sandbox() {}
}
