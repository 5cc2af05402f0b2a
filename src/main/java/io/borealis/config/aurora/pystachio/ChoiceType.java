package io.borealis.config.aurora.pystachio;

import java.util.List;

/** {@code Choice([A, B])}, named {@code Choice_A_B}: a value of the first alternative that accepts it. */
public final class ChoiceType extends PType {
  private final String name;
  private final List<PType> alternatives;

  public ChoiceType(String name, List<PType> alternatives) {
    this.alternatives = List.copyOf(alternatives);
    this.name = name != null ? name : "Choice_" + String.join("_", alternatives.stream().map(PType::name).toList());
  }

  public List<PType> alternatives() {
    return alternatives;
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public PObject wrap(Object value) {
    return new ChoiceValue(this, value instanceof ChoiceValue choice ? choice.raw() : value, List.of());
  }
}
