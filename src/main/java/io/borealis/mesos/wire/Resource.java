package io.borealis.mesos.wire;

import java.util.List;

/**
 * Mesos {@code Resource}: a named scalar (cpus, mem in MB, disk in MB), a set of ranges (ports) or a
 * set of strings. {@code role} is the deprecated pre-refinement field that masters still fill in.
 */
public record Resource(
    String name,
    ValueType type,
    Scalar scalar,
    Ranges ranges,
    ValueSet set,
    String role,
    AllocationInfo allocationInfo) {

  public enum ValueType { SCALAR, RANGES, SET, TEXT }

  public record Scalar(double value) {}

  public record Range(long begin, long end) {
    /** Number of values in this inclusive range. */
    public long size() {
      return end - begin + 1;
    }
  }

  public record Ranges(List<Range> range) {}

  public record ValueSet(List<String> item) {}

  public record AllocationInfo(String role) {}

  public static Resource scalar(String name, double value) {
    return new Resource(name, ValueType.SCALAR, new Scalar(value), null, null, null, null);
  }

  public static Resource ranges(String name, List<Range> ranges) {
    return new Resource(name, ValueType.RANGES, null, new Ranges(List.copyOf(ranges)), null, null, null);
  }

  public Resource withAllocationRole(String allocationRole) {
    return new Resource(name, type, scalar, ranges, set, role, new AllocationInfo(allocationRole));
  }

  /** The scalar value, or 0 for a resource that is not a scalar. */
  public double scalarValue() {
    return scalar == null ? 0 : scalar.value();
  }

  public List<Range> rangeList() {
    return ranges == null || ranges.range() == null ? List.of() : ranges.range();
  }
}
