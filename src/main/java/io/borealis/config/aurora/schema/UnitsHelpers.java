package io.borealis.config.aurora.schema;

import io.borealis.config.aurora.python.Py;
import io.borealis.config.aurora.python.PyCallable;
import io.borealis.config.aurora.python.PyException;
import io.borealis.config.aurora.python.SourceLocation;
import io.borealis.config.aurora.pystachio.PObject;
import io.borealis.config.aurora.pystachio.Scalar;
import io.borealis.config.aurora.pystachio.Struct;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.DoubleBinaryOperator;

/** {@code Units.resources_sum/resources_max} and the option-string helpers of schema_helpers. */
final class UnitsHelpers {
  private UnitsHelpers() {}

  /** Field-wise combination of Resources; an Empty field counts as 0. */
  static Struct resources(List<Struct> all, DoubleBinaryOperator combine, SourceLocation site) {
    Map<String, Object> fields = new LinkedHashMap<>();
    for (String name : List.of("cpu", "ram", "disk", "gpu")) {
      double total = 0;
      for (Struct resources : all) {
        PObject value = resources.field(name);
        total = combine.applyAsDouble(total, value == null ? 0 : Py.toDouble(((Scalar) value).raw()));
      }
      fields.put(name, name.equals("cpu") ? (Object) total : (Object) (long) total);
    }
    return ThermosSchema.RESOURCES.construct(List.of(), fields, site);
  }

  static final PyCallable RESOURCES_SUM = (site, args, kwargs) -> resources(structs(args), Double::sum, site);
  static final PyCallable RESOURCES_MAX = (site, args, kwargs) -> resources(structs(args), Math::max, site);

  private static List<Struct> structs(List<Object> args) {
    List<Struct> out = new ArrayList<>();
    for (Object arg : args) {
      if (!(arg instanceof Struct s) || s.type() != ThermosSchema.RESOURCES) {
        throw PyException.type("expected Resources, got " + Py.typeName(arg));
      }
      out.add(s);
    }
    return out;
  }

  /** {@code java_options('a', b=23)}: {@code -a -b 23}. */
  static final PyCallable JAVA_OPTIONS = (site, args, kwargs) -> options(args, kwargs, false);

  /** {@code python_options('v', level=2)}: {@code -v --level 2}; one-letter options get one dash. */
  static final PyCallable PYTHON_OPTIONS = (site, args, kwargs) -> options(args, kwargs, true);

  private static String options(List<Object> args, Map<String, Object> kwargs, boolean python) {
    List<String> parts = new ArrayList<>();
    args.forEach(arg -> parts.add(dash(Py.str(arg), python) + Py.str(arg)));
    kwargs.forEach((k, v) -> parts.add(dash(k, python) + k + " " + Py.str(v)));
    return String.join(" ", parts);
  }

  private static String dash(String name, boolean python) {
    return python && name.length() > 1 ? "--" : "-";
  }
}
