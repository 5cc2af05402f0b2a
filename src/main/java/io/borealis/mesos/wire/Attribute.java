package io.borealis.mesos.wire;

/** Mesos {@code Attribute} of an agent; Borealis reads and writes the TEXT form. */
public record Attribute(String name, Resource.ValueType type, Resource.Scalar scalar, Text text) {

  public record Text(String value) {}

  public static Attribute text(String name, String value) {
    return new Attribute(name, Resource.ValueType.TEXT, null, new Text(value));
  }

  /** The attribute's value as a string, whatever its type. */
  public String valueAsString() {
    if (text != null) {
      return text.value();
    }
    if (scalar != null) {
      return Double.toString(scalar.value());
    }
    return "";
  }
}
