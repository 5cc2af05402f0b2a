package io.borealis.config.aurora.pystachio;

/** A scope a mustache reference can be looked up in: an {@link Environment} or a Struct, List or Map. */
public interface Namable {
  /**
   * The value {@code ref} names here: a {@link PObject} or a plain string.
   *
   * @throws NotFound when this scope does not define it, so the next scope is tried
   */
  Object find(Ref ref, Interpolation context);

  /** "Not here": thrown often during lookups, so it is one shared instance without a stack trace. */
  final class NotFound extends RuntimeException {
    static final NotFound INSTANCE = new NotFound();

    private NotFound() {
      super("not found", null, false, false);
    }
  }
}
