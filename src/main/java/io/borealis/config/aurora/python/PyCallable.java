package io.borealis.config.aurora.python;

import java.util.List;
import java.util.Map;

/** Something a config can call: a builtin, a {@code def}, a Pystachio type or a Struct template. */
@FunctionalInterface
public interface PyCallable {
  /** {@code site} is where the call is written, for objects that remember where they were made. */
  Object call(SourceLocation site, List<Object> args, Map<String, Object> kwargs);
}
