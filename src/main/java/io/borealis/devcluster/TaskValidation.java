package io.borealis.devcluster;

import io.borealis.mesos.wire.TaskInfo;

/** The master's checks of a TaskInfo in a LAUNCH, with Mesos' messages. */
final class TaskValidation {
  private TaskValidation() {}

  /** What is wrong with {@code task}, or null if it may launch. */
  static String problem(TaskInfo task, boolean idInUse) {
    if (task.taskId() == null || task.taskId().value() == null || task.taskId().value().isEmpty()) {
      return "Task ID must not be empty";
    }
    String id = task.taskId().value();
    if (id.length() > 255 || id.equals(".") || id.equals("..") || id.contains("/") || id.contains("\\")) {
      return "'" + id + "' is not a valid task ID";
    }
    if (idInUse) {
      return "Task has duplicate ID: " + id;
    }
    if ((task.executor() == null) == (task.command() == null)) {
      return "Task should have at least one (but not both) of CommandInfo or ExecutorInfo present";
    }
    if (task.executor() != null && task.executor().command() == null) {
      return "Executor '" + task.executor().executorId().value() + "' has no command";
    }
    if (task.resources() == null || task.resources().isEmpty()) {
      return "Task uses no resources";
    }
    return null;
  }
}
