/**
 * The Python 2 subset Aurora configs are written in: {@code Lexer} (with INDENT/DEDENT),
 * {@code Parser} to {@code Expr}/{@code Stmt} records, and a tree-walking {@code Interpreter}.
 *
 * <p>Sandboxed by construction: the only builtins are pure functions ({@code Builtins}), the only
 * modules are {@code getpass}, a read-only slice of {@code os} and nothing of {@code sys}
 * ({@code StandardModules}); {@code include} reads only files under the config's own directory;
 * attribute access never reaches Java reflection and dunder names are refused. Trying {@code open},
 * {@code eval}, {@code import subprocess} or {@code os.system} is a {@code SandboxError} "... is not
 * allowed in a config". A {@code Budget} caps steps, call depth and sizes, so a hostile config ends
 * with a message instead of hanging. Every error is a {@link io.borealis.config.aurora.python.PyException}
 * carrying {@code file:line:column}.
 *
 * <p>Values: None is {@code PyNone}, int {@code Long} (Python 2 semantics: {@code 7 / 2 == 3}), float
 * {@code Double}, str {@code String}, list {@code ArrayList}, tuple {@code PyTuple}, dict
 * {@code LinkedHashMap}; anything else implements {@code PyObject}/{@code PyCallable}.
 */
package io.borealis.config.aurora.python;
