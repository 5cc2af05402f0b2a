package io.borealis.mesos.wire;

/** Mesos `AgentID`: written as `{"value": "..."}`. */
public record AgentId(String value) {
  public static AgentId of(String value) {
    return new AgentId(value);
  }
}
