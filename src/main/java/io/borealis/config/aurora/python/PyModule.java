package io.borealis.config.aurora.python;

import java.util.Map;
import java.util.Set;

/**
 * A module a config may import. Only the listed members exist; a member named in {@code refused}
 * (for example {@code os.system}) answers with a sandbox error instead of "no attribute".
 */
public record PyModule(String name, Map<String, Object> members, Set<String> refused) implements PyObject {
  @Override
  public Object attribute(String attribute) {
    Object member = members.get(attribute);
    if (member == null && (refused.contains(attribute) || refused.contains("*"))) {
      throw PyException.notAllowed(name + "." + attribute);
    }
    return member;
  }

  @Override
  public String typeName() {
    return "module";
  }
}
