package io.borealis.scheduler;

/**
 * How a request delegated by the state verticle ended: a reply, or a refusal with an HTTP-like code
 * and a message for people. The verticle sends either only once the request's changes are durable.
 */
record Outcome(Object reply, int failureCode, String failure) {
  static Outcome ok(Object reply) {
    return new Outcome(reply, 0, null);
  }

  static Outcome refused(int code, String why) {
    return new Outcome(null, code, why);
  }

  boolean refused() {
    return failure != null;
  }
}
