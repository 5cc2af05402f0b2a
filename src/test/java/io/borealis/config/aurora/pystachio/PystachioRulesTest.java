package io.borealis.config.aurora.pystachio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.borealis.config.aurora.python.Builtins;
import io.borealis.config.aurora.python.Interpreter;
import io.borealis.config.aurora.python.Py;
import io.borealis.config.aurora.python.PyException;
import io.borealis.config.aurora.python.StandardModules;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Each Pystachio rule of ../shared/reference/pystachio.md, as config snippets and what they give. */
class PystachioRulesTest {
  private static final String PRELUDE = """
      class P(Struct):
        name = Required(String)
        cmdline = String
        count = Default(Integer, 1)
      class Python(Struct):
        version = Required(String)
        base = Default(String, 'Python-{{version}}')
        package = Default(String, '{{base}}.tar.bz2')
      class Holder(Struct):
        p = P
        ps = List(P)
        python = Python
        m = Map(String, Integer)
      """;

  static Object eval(String setup, String expression) {
    Map<String, Object> globals = new HashMap<>(PystachioNames.create());
    String source = PRELUDE + setup.replace("\\n", "\n") + "\nx = " + expression + "\n";
    new Interpreter(Builtins.create(), StandardModules.create(Map.of()), file -> source)
        .run(Path.of("/t/rules.aurora"), globals);
    return globals.get("x");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
      a later bind wins                     | ""                                                  | str(String('{{a}}').bind(a=1).bind(a=2))                | 2
      in_scope loses to bind                | ""                                                  | str(String('{{a}}').bind(a=1).in_scope(a=2))            | 1
      last positional bind arg wins         | ""                                                  | str(String('{{a}}').bind({'a': 1}, {'a': 2}))           | 2
      keywords beat positional bind args    | ""                                                  | str(String('{{a}}').bind({'a': 1}, a=3))                | 3
      own fields beat bindings              | ""                                                  | str(P(name='x', cmdline='{{name}}').bind(name='b').cmdline()) | x
      bindings fill what the struct lacks   | ""                                                  | str(P(name='x', cmdline='{{who}}').bind(who='b').cmdline())   | b
      self names the struct's own field     | ""                                                  | str(P(name='x', cmdline='{{self.name}}').cmdline())     | x
      super looks only in bindings          | ""                                                  | str(P(name='x', cmdline='{{super.q}}').bind(q=1).cmdline()) | 1
      inner bindings beat outer ones        | "h = Holder(p=P(name='n', cmdline='{{r}}').bind(r='inner')).bind(r='outer')" | str(h.p().cmdline())    | inner
      parents pass their scopes down        | "h = Holder(p=P(name='n', cmdline='{{r}}')).bind(r='outer')" | str(h.p().cmdline())                           | outer
      a list passes scopes to elements      | "h = Holder(ps=[P(name='a', cmdline='{{r}}')]).bind(r='z')" | str(h.ps()[0].cmdline())                         | z
      list elements are addressable         | "h = Holder(ps=[P(name='a'), P(name='b', cmdline='{{ps[0].name}}')])" | str(h.ps()[1].cmdline())             | a
      defaults may refer to siblings        | ""                                                  | str(Python(version='2.7').package())                    | Python-2.7.tar.bz2
      nested dotted refs through structs    | "h = Holder(python=Python(version='3'), p=P(name='n', cmdline='get {{python.package}}'))" | str(h.p().cmdline()) | get Python-3.tar.bz2
      map keys are addressable              | "h = Holder(m={'a': 7}, p=P(name='n', cmdline='{{m[a]}}'))" | str(h.p().cmdline())                             | 7
      templates keep bindings when called   | "t = P(name='t', cmdline='{{v}}').bind(v='kept')"   | str(t(name='u').cmdline())                              | kept
      calling overrides fields              | "t = P(name='t')"                                   | str(t(name='u').name())                                 | u
      nested staches resolve inside out     | ""                                                  | str(String('{{metavar{{n}}}}').bind(n=1, metavar1='m1')) | m1
      substituted text is scanned again     | ""                                                  | str(String('{{a}}').bind(a='{{b}}', b='deep'))          | deep
      ampersand escapes a stache            | ""                                                  | str(String('{{&a}}').bind(a=1))                         | {{a}}
      a stray brace stays literal           | ""                                                  | str(String('{{a}}}').bind(a=1))                         | 1}
      unbound refs are left in place        | ""                                                  | str(String('x {{a}} y'))                                | x {{a}} y
      interpolate lists unbound refs        | ""                                                  | String('{{a}} {{b}}').bind(a=1).interpolate()[1]       | ['{{b}}']
      Integer truncates floats              | ""                                                  | Integer(1.9).interpolate()[0].get()                     | 1
      Integer coerces numeric strings       | ""                                                  | str(Integer('{{n}}').bind(n='42'))                      | 42
      Float keeps its type in text          | ""                                                  | str(String('{{c}}').bind(c=Float(1)))                   | 1.0
      Boolean reads true and 0              | ""                                                  | [str(Boolean('TRUE')), str(Boolean('0'))]              | ['True', 'False']
      String coerces numbers                | ""                                                  | str(String(0.1))                                        | 0.1
      Choice takes the first alternative    | "C = Choice([Integer, String])"                    | str(C('abc'))                                           | abc
      Choice with unbound refs is lazy      | "C = Choice([Integer, String])"                    | C('{{q}}').interpolate()[1]                             | ['{{q}}']
      Choice resolves once bound            | "C = Choice([Integer, String])"                    | str(C('{{q}}').bind(q='x'))                             | x
      dicts become structs                  | "h = Holder(p={'name': 'fromdict'})"               | str(h.p().name())                                       | fromdict
      check ok                              | ""                                                  | P(name='x').check().ok()                                | True
      Empty clears a field                  | "t = P(name='t', cmdline='c')"                      | t(cmdline=Empty).has_cmdline()                          | False
      get does not interpolate              | ""                                                  | P(name='{{a}}').bind(a=1).get()['name']                 | {{a}}
      """)
  void followsTheReference(String name, String setup, String expression, String expected) {
    Object value = eval(setup, expression);
    assertThat(value instanceof String ? (String) value : Py.repr(value)).isEqualTo(expected);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
      missing required field         | P().check().message()                                         | P[name] is required.
      uncoercible integer            | Integer('1.5').check().message()                              | Unable to interpolate: Cannot coerce '1.5' to Integer
      unbound integer fails check    | Integer('{{y}}').check().message()                            | '{{y}}' not an integer
      unbound string passes check    | String('{{y}}').check().ok()                                  | True
      enum coercion                  | Enum('RO', 'RW')('{{m}}').bind(m='RX').check().message()      | Unable to interpolate: Cannot coerce 'RX' to Enum_RO_RW: RX is not one of RO, RW
      list element                   | List(Integer)(['a']).check().message()                        | Element in IntegerList failed check: Unable to interpolate: Cannot coerce 'a' to Integer
      map value                      | Map(String, Integer)({'k': 'v'}).check().message()            | StringIntegerMap[k] value v failed check: Unable to interpolate: Cannot coerce 'v' to Integer
      nested struct messages         | Holder(p=P(name='n', count='abc')).check().message()          | Holder[p] failed: P[count] failed: Unable to interpolate: Cannot coerce 'abc' to Integer
      choice without a match         | Choice([Integer, Float])('abc').check().message()             | Choice_Integer_Float typecheck failed: value 'abc' did not match any of its alternatives
      self reference hits the cap    | String('{{x}}').bind(x='{{x}}').check().message()             | Unable to interpolate: Unable to interpolate {{x}}!  Maximum replacements reached.
      """)
  void checkMessagesMatchPystachio(String name, String expression, String expected) {
    assertThat(Py.str(eval("", expression))).isEqualTo(expected);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
      unknown schema attribute     | P(nmae='x')                                   | AttributeError: unknown attribute nmae of P (its attributes are name, cmdline, count)
      enum constructor validates   | Enum('RO', 'RW')('RX')                        | ValueError: Enum_RO_RW only accepts the following values: RO, RW
      list wants a sequence        | List(String)('abc')                           | ValueError: ListContainer expects an iterable, got 'abc'
      invalid reference            | str(String('{{ bad }}'))                      | InvalidRefError: Invalid ref: {{ bad }} (a reference is a name followed by .name or [index] parts, without spaces)
      environment values           | Environment(a=[1])                            | ValueError: Environment values must be strings, numbers, Objects or other Environments. Got [1]
      doubling string is capped    | str(String('{{x}}{{x}}').bind(x='{{x}}{{x}}'))| Uninterpolatable: Unable to interpolate
      self-referring default       | str(Python(version='1', base='{{base}}').package()) | Uninterpolatable: Unable to interpolate
      """)
  void refusesWithPystachioErrors(String name, String expression, String expected) {
    assertThatThrownBy(() -> eval("", expression)).isInstanceOfSatisfying(PyException.class,
        e -> assertThat(e.kind() + ": " + e.getMessage()).startsWith(expected));
  }
}
