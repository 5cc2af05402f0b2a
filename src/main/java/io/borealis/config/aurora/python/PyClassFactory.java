package io.borealis.config.aurora.python;

import java.util.Map;

/**
 * A base class a config may derive from ({@code class Profile(Struct)}): it turns the class body's
 * names into a new type. Configs cannot define ordinary Python classes.
 */
public interface PyClassFactory {
  Object defineClass(String name, Map<String, Object> body, SourceLocation where);
}
