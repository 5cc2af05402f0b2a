package io.borealis.config.aurora.pystachio;

import io.borealis.config.aurora.python.PyException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A mustache address such as {@code thermos.ports[http]} or {@code processes[0].name}: names
 * ({@code .x}) and indexes ({@code [x]}, where x may hold letters, digits and {@code _ - . /}).
 */
public record Ref(List<Component> components) implements Comparable<Ref> {
  /** One step of an address: a name or an index. */
  public record Component(String value, boolean index) {}

  private static final Pattern COMPONENT = Pattern.compile("\\.([A-Za-z_]\\w*)|\\[([\\w\\-./]+)]");

  public Ref {
    components = List.copyOf(components);
  }

  /**
   * Parses an address.
   *
   * @throws PyException (InvalidRefError) when it is not one, as Pystachio does for {@code {{ x }}}
   */
  public static Ref parse(String address) {
    String text = address.startsWith("[") ? address : "." + address;
    Matcher m = COMPONENT.matcher(text);
    List<Component> parts = new ArrayList<>();
    int at = 0;
    while (at < text.length()) {
      if (!m.find(at) || m.start() != at) {
        throw new PyException("InvalidRefError", "Invalid ref: {{" + address + "}} (a reference is a name followed by "
            + ".name or [index] parts, without spaces)");
      }
      parts.add(m.group(1) != null ? new Component(m.group(1), false) : new Component(m.group(2), true));
      at = m.end();
    }
    if (parts.isEmpty()) {
      throw new PyException("InvalidRefError", "Invalid ref: {{" + address + "}}");
    }
    return new Ref(parts);
  }

  public Component first() {
    return components.get(0);
  }

  /** Everything after the first component. */
  public Ref rest() {
    return new Ref(components.subList(1, components.size()));
  }

  public boolean isEmpty() {
    return components.isEmpty();
  }

  /** When {@code this} is a strict prefix of {@code ref}: the part of {@code ref} after it; else null. */
  public Ref suffixOf(Ref ref) {
    if (components.size() >= ref.components.size() || !ref.components.subList(0, components.size()).equals(components)) {
      return null;
    }
    return new Ref(ref.components.subList(components.size(), ref.components.size()));
  }

  public String address() {
    StringBuilder out = new StringBuilder();
    for (Component c : components) {
      if (c.index()) {
        out.append('[').append(c.value()).append(']');
      } else {
        out.append(out.length() == 0 ? "" : ".").append(c.value());
      }
    }
    return out.toString();
  }

  @Override
  public int compareTo(Ref other) {
    return address().compareTo(other.address());
  }

  /** {@code {{address}}}, the form Aurora prints unbound references in. */
  @Override
  public String toString() {
    return "{{" + address() + "}}";
  }
}
