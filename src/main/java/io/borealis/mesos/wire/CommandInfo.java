package io.borealis.mesos.wire;

import java.util.List;

/** Mesos {@code CommandInfo}: with {@code shell} (the default) {@code value} runs through {@code /bin/sh -c}. */
public record CommandInfo(String value, Boolean shell, List<String> arguments, Environment environment, String user) {

  public record Environment(List<Variable> variables) {}

  public record Variable(String name, String value) {}

  public static CommandInfo shell(String value) {
    return new CommandInfo(value, true, null, null, null);
  }

  /** The same command, run by the agent as {@code newUser} (when it may switch users). */
  public CommandInfo withUser(String newUser) {
    return new CommandInfo(value, shell, arguments, environment, newUser);
  }

  public List<Variable> variables() {
    return environment == null || environment.variables() == null ? List.of() : environment.variables();
  }
}
