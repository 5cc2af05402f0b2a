package io.borealis.events;

/**
 * Where a task's sandbox can be read, asked of the Mesos client on {@link BusAddresses#SANDBOXES}:
 * it alone knows the agents' addresses (from their offers), the framework id and the executor id, which
 * together name the sandbox as Mesos' agents serve it through {@code /files/read}.
 */
public final class SandboxRequests {
  private SandboxRequests() {}

  /** Reply: {@link SandboxLocation}; fails with 404 when the agent's address is not known. */
  public record Locate(String taskId, String agentId) {}

  /**
   * @param agentUrl the agent's base URL, e.g. {@code http://10.0.0.5:5051}
   * @param path the sandbox as the agent's {@code /files} endpoints name it (Mesos' virtual path of the executor's latest run)
   */
  public record SandboxLocation(String agentUrl, String path) {}
}
