package io.borealis.executor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.borealis.executor.CommandTemplate.Bindings;
import io.borealis.executor.CommandTemplate.UnresolvedReferenceException;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class CommandTemplateTest {
  private static final Bindings BINDINGS =
      new Bindings("www-data-prod-hello-1-abc", 1, "agent-7.example", "www-data", Map.of("http", 31005, "admin", 31006));

  static Stream<Arguments> renders() {
    return Stream.of(
        Arguments.of("no references", "echo hello", "echo hello"),
        Arguments.of("port", "serve --port={{thermos.ports[http]}}", "serve --port=31005"),
        Arguments.of("two ports", "{{thermos.ports[http]}}:{{thermos.ports[admin]}}", "31005:31006"),
        Arguments.of("task id", "echo {{thermos.task_id}}", "echo www-data-prod-hello-1-abc"),
        Arguments.of("instance", "echo {{mesos.instance}}", "echo 1"),
        Arguments.of("hostname", "echo {{mesos.hostname}}", "echo agent-7.example"),
        Arguments.of("user", "echo {{thermos.user}}", "echo www-data"),
        Arguments.of("spaces inside braces", "echo {{ mesos.instance }}", "echo 1"),
        Arguments.of("same reference twice", "{{mesos.instance}}{{mesos.instance}}", "11"),
        Arguments.of("dollar and backslash kept", "echo $HOME \\n {{mesos.instance}}", "echo $HOME \\n 1"),
        Arguments.of("single braces are not references", "awk '{print $1}' {x}", "awk '{print $1}' {x}"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource
  void renders(String name, String cmdline, String expected) {
    assertThat(CommandTemplate.render(cmdline, BINDINGS)).isEqualTo(expected);
  }

  static Stream<Arguments> rejects() {
    Bindings unknowns = new Bindings("t", 0, null, null, null);
    return Stream.of(
        Arguments.of("unknown name", "echo {{thermos.nope}}", BINDINGS, "{{thermos.nope}}"),
        Arguments.of("unknown port", "echo {{thermos.ports[health]}}", BINDINGS, "{{thermos.ports[health]}}"),
        Arguments.of("port list in message", "echo {{thermos.ports[health]}}", BINDINGS, "[admin, http]"),
        Arguments.of("no ports at all", "echo {{thermos.ports[http]}}", unknowns, "no ports"),
        Arguments.of("hostname unknown", "echo {{mesos.hostname}}", unknowns, "{{mesos.hostname}}"),
        Arguments.of("role absent", "echo {{thermos.user}}", unknowns, "{{thermos.user}}"),
        Arguments.of("empty reference", "echo {{}}", BINDINGS, "{{}}"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource
  void rejects(String name, String cmdline, Bindings bindings, String messagePart) {
    assertThatThrownBy(() -> CommandTemplate.render(cmdline, bindings))
        .isInstanceOf(UnresolvedReferenceException.class)
        .hasMessageContaining(messagePart);
  }
}
