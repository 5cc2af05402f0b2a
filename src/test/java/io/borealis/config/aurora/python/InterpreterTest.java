package io.borealis.config.aurora.python;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class InterpreterTest {
  /** Runs {@code source} as /cfg/test.aurora (other files from {@code files}) and answers its globals. */
  static Map<String, Object> run(String source, Map<String, String> files) {
    Map<String, String> all = new HashMap<>(files);
    all.put("/cfg/test.aurora", source);
    Interpreter interpreter = new Interpreter(Builtins.create(), StandardModules.create(Map.of("USER", "alice")),
        file -> {
          String text = all.get(file.toString());
          if (text == null) {
            throw new java.nio.file.NoSuchFileException(file.toString());
          }
          return text;
        });
    Map<String, Object> globals = new HashMap<>();
    interpreter.run(Path.of("/cfg/test.aurora"), globals);
    return globals;
  }

  static Object value(String expression) {
    return run("x = " + expression + "\n", Map.of()).get("x");
  }

  @ParameterizedTest(name = "{0} is {1}")
  @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
      1 + 2 * 3                        | 7
      7 / 2                            | 3
      -7 / 2                           | -4
      7 // 2                           | 3
      7 % 3                            | 1
      2 ** 10                          | 1024
      1.5 * 2                          | 3.0
      .10                              | 0.1
      32 * 1024 * 1024                 | 33554432
      60 * 60 * 24                     | 86400
      0x10                             | 16
      'a' 'b' "c"                      | abc
      'x=%s y=%d' % ('a', 3)           | x=a y=3
      '%(name)s!' % {'name': 'hi'}     | hi!
      '{} {name}'.format(1, name='n')  | 1 n
      '{0}-{0}'.format('z')            | z-z
      'a,b'.split(',')                 | ['a', 'b']
      '-'.join(['a', 'b'])             | a-b
      str(1.0)                         | 1.0
      str(0.1)                         | 0.1
      str(True)                        | True
      1 < 2 <= 2                       | True
      'b' in ['a', 'b']                | True
      'x' if 0 else 'y'                | y
      None or 'd'                      | d
      [i * 2 for i in range(3) if i]   | [2, 4]
      {k: v for k, v in [('a', 1)]}    | {'a': 1}
      len({'a': 1, 'b': 2})            | 2
      sorted([3, 1, 2])                | [1, 2, 3]
      (1, 2)[1]                        | 2
      [1, 2, 3][-1]                    | 3
      [1, 2, 3][1:]                    | [2, 3]
      'abc'[::-1]                      | cba
      r'a\\n'                          | a\\\\n
      u'caf\\xe9'                      | café
      int('42') + int(2.9)             | 44
      max(1, 5, 3)                     | 5
      dict(a=1).get('b', 'none')       | none
      """)
  void evaluatesExpressionsLikePython2(String expression, String expected) {
    assertThat(Py.repr(value(expression)).replaceAll("^'(.*)'$", "$1")).isEqualTo(expected);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
      triple-quoted string spans lines      | "x = '''a\\nb'''"                                          | 'a\\nb'
      tuple unpacking                       | "a, b = 1, 2\\nx = b"                                         | 2
      for loop with append                  | "x = []\\nfor i in [1, 2]:\\n  x.append(i)\\n"                 | [1, 2]
      for loop with extend and break        | "x = []\\nfor i in range(5):\\n  if i == 2: break\\n  x.extend([i])\\n" | [0, 1]
      if elif else                          | "v = 2\\nif v == 1:\\n  x = 'one'\\nelif v == 2:\\n  x = 'two'\\nelse:\\n  x = 'many'\\n" | 'two'
      def with defaults and kwargs          | "def f(a, b=2, **kw):\\n  return a + b + kw['c']\\nx = f(1, c=3)\\n" | 6
      recursion                             | "def fact(n):\\n  return 1 if n <= 1 else n * fact(n - 1)\\nx = fact(5)\\n" | 120
      lambda                                | "f = lambda a: a * 2\\nx = f(4)"                               | 8
      augmented assignment                  | "x = 1\\nx += 2\\nx *= 3"                                       | 9
      comments and continuation lines       | "x = [1,  # one\\n     2]  # two\\n"                             | [1, 2]
      backslash continuation                | "x = 1 + \\\\n  2"                                           | 3
      getpass                               | "import getpass\\nx = getpass.getuser()"                       | 'alice'
      os.getenv default                     | "import os\\nx = os.getenv('NOPE', 'dflt')"                    | 'dflt'
      os.environ                            | "import os\\nx = os.environ['USER']"                           | 'alice'
      print statement is harmless           | "print 'hi', 1\\nx = 1"                                        | 1
      call spanning lines then a blank      | "y = max(\\n  1, 0)\\n\\nx = y\\n"                                | 1
      blank line ends a block               | "def f():\\n  return 1\\n\\nx = f()\\n"                          | 1
      while loop                            | "x = 0\\nwhile x < 5:\\n  x += 1\\n"                             | 5
      """)
  void runsStatements(String name, String source, String expected) {
    assertThat(Py.repr(run(source.replace("\\n", "\n"), Map.of()).get("x"))).isEqualTo(expected);
  }

  @org.junit.jupiter.api.Test
  void includeRunsAFileBesideTheConfigIntoTheSameGlobals() {
    Map<String, Object> globals = run("include('sub/common.aurora')\nx = base + 1\n",
        Map.of("/cfg/sub/common.aurora", "base = 41\n"));
    assertThat(globals.get("x")).isEqualTo(42L);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
      syntax error                 | "x = (1,\\ny = 2\\n"                   | "/cfg/test.aurora:2:3: SyntaxError: expected ')' to close the tuple, found '='"
      unterminated string          | "x = 'abc\\n"                          | "/cfg/test.aurora:1:5: SyntaxError: unterminated string literal (it starts here)"
      bad indentation              | "if 1:\\n    x = 1\\n  y = 2\\n"         | "/cfg/test.aurora:3:3: SyntaxError: unindent does not match any outer indentation level"
      unknown name                 | "x = 1\\ny = undefined_thing\\n"       | "/cfg/test.aurora:2:5: NameError: name 'undefined_thing' is not defined"
      type error                   | "x = 'a' + 1"                          | "/cfg/test.aurora:1:9: TypeError: unsupported operand type(s) for +: 'str' and 'int'"
      wrong attribute              | "x = 'a'.nope()"                       | "/cfg/test.aurora:1:9: AttributeError: 'str' object has no attribute 'nope'"
      open()                       | "x = open('/etc/passwd').read()"       | "/cfg/test.aurora:1:5: SandboxError: open() is not allowed in a config"
      eval()                       | "x = eval('1')"                        | "/cfg/test.aurora:1:5: SandboxError: eval() is not allowed in a config"
      __import__                   | "x = __import__('os')"                 | "/cfg/test.aurora:1:5: SandboxError: __import__() is not allowed in a config"
      exec statement               | "exec 'import os'"                     | "/cfg/test.aurora:1:1: SandboxError: exec is not allowed in a config"
      import subprocess            | "import subprocess"                    | "/cfg/test.aurora:1:1: SandboxError: import of module 'subprocess' is not allowed in a config"
      from socket import           | "from socket import socket"            | "/cfg/test.aurora:1:1: SandboxError: import of module 'socket' is not allowed in a config"
      os.system                    | "import os\\nos.system('rm -rf /')"    | "/cfg/test.aurora:2:4: SandboxError: os.system is not allowed in a config"
      os.popen                     | "import os\\nx = os.popen('id')"       | "/cfg/test.aurora:2:8: SandboxError: os.popen is not allowed in a config"
      sys.modules                  | "import sys\\nx = sys.modules"         | "/cfg/test.aurora:2:9: SandboxError: sys.modules is not allowed in a config"
      dunder escape                | "x = ''.__class__"                     | "/cfg/test.aurora:1:8: SandboxError: the attribute __class__ is not allowed in a config"
      include escaping the dir     | "include('../etc/passwd')"             | "/cfg/test.aurora:1:1: SandboxError: include('../etc/passwd') of a file outside the config's directory /cfg is not allowed in a config"
      include of itself            | "include('test.aurora')"               | "/cfg/test.aurora:1:1: IncludeError: include('test.aurora') includes itself (include cycle)"
      endless loop                 | "while True:\\n  pass\\n"              | "/cfg/test.aurora:1:1: LimitError: the config ran for more than 2000000 steps; loops in a config must be small"
      endless recursion            | "def f():\\n  return f()\\nf()\\n"     | "/cfg/test.aurora:2:10: LimitError: calling f() nests deeper than 100 calls (endless recursion?)"
      huge range                   | "x = range(10 ** 9)"                   | "/cfg/test.aurora:1:5: LimitError: a list or range of 1000000000 items is larger than a config may build (1000000)"
      huge string                  | "x = 'a' * (10 ** 9)"                  | "/cfg/test.aurora:1:9: LimitError: a string of 16777217 characters is larger than a config may build"
      """)
  void errorsNameFileLineAndColumn(String name, String source, String expected) {
    assertThatThrownBy(() -> run(source.replace("\\n", "\n"), Map.of()))
        .isInstanceOfSatisfying(PyException.class, e -> assertThat(e.describe()).isEqualTo(expected));
  }

  @org.junit.jupiter.api.Test
  void listsAreListsAndTuplesAreTuples() {
    assertThat(value("[1, 'a']")).isEqualTo(List.of(1L, "a"));
    assertThat(value("(1,)")).isEqualTo(new PyTuple(List.of(1L)));
  }
}
