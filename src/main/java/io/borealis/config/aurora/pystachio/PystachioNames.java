package io.borealis.config.aurora.pystachio;

import io.borealis.config.aurora.python.Py;
import io.borealis.config.aurora.python.PyCallable;
import io.borealis.config.aurora.python.PyException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** What {@code from pystachio import *} gives a config. */
public final class PystachioNames {
  private PystachioNames() {}

  public static Map<String, Object> create() {
    Map<String, Object> names = new LinkedHashMap<>();
    names.put("String", ScalarType.STRING);
    names.put("Integer", ScalarType.INTEGER);
    names.put("Float", ScalarType.FLOAT);
    names.put("Boolean", ScalarType.BOOLEAN);
    names.put("Struct", StructBase.INSTANCE);
    names.put("Empty", EmptyValue.EMPTY);
    names.put("List", (PyCallable) (site, args, kwargs) -> new ListType(type(one(args, "List"), "List")));
    names.put("Map", (PyCallable) (site, args, kwargs) -> {
      if (args.size() != 2) {
        throw PyException.type("Map() takes a key type and a value type");
      }
      return new MapType(type(args.get(0), "Map"), type(args.get(1), "Map"));
    });
    names.put("Required", (PyCallable) (site, args, kwargs) -> FieldSpec.required(type(one(args, "Required"), "Required")));
    names.put("Default", (PyCallable) (site, args, kwargs) -> {
      if (args.size() != 2) {
        throw PyException.type("Default() takes a type and a default value");
      }
      return FieldSpec.withDefault(type(args.get(0), "Default"), args.get(1));
    });
    names.put("Choice", (PyCallable) (site, args, kwargs) -> {
      String name = args.size() == 2 && args.get(0) instanceof String s ? s : null;
      Object alternatives = args.get(args.size() - 1);
      List<PType> types = new ArrayList<>();
      for (Object alternative : Values.sequence(alternatives) == null ? List.of(alternatives) : Values.sequence(alternatives)) {
        types.add(type(alternative, "Choice"));
      }
      return new ChoiceType(name, types);
    });
    names.put("Enum", (PyCallable) (site, args, kwargs) -> {
      if (args.size() == 2 && args.get(0) instanceof String name && Values.sequence(args.get(1)) != null) {
        return ScalarType.enumeration(name, strings(Values.sequence(args.get(1))));
      }
      return ScalarType.enumeration(null, strings(args));
    });
    names.put("Environment", (PyCallable) (site, args, kwargs) -> {
      Map<Object, Object> all = new LinkedHashMap<>();
      for (Object arg : args) {
        if (!(arg instanceof Map<?, ?> map)) {
          throw PyException.type("Environment() takes dicts, not " + Py.typeName(arg));
        }
        all.putAll(map);
      }
      all.putAll(kwargs);
      return Environment.of(all);
    });
    return names;
  }

  private static Object one(List<Object> args, String name) {
    if (args.size() != 1) {
      throw PyException.type(name + "() takes exactly one type");
    }
    return args.get(0);
  }

  private static PType type(Object value, String where) {
    if (!(value instanceof PType type)) {
      throw PyException.type(where + "() expects a Pystachio type such as String or Process, got " + Py.typeName(value));
    }
    return type;
  }

  private static List<String> strings(List<?> values) {
    List<String> out = new ArrayList<>();
    for (Object v : values) {
      if (!(v instanceof String s)) {
        throw PyException.type("Enum values must be strings, got " + Py.repr(v));
      }
      out.add(s);
    }
    return out;
  }
}
