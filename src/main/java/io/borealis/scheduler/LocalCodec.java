package io.borealis.scheduler;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.eventbus.MessageCodec;

/**
 * Passes Borealis's immutable records between verticles of one JVM by reference: they are never
 * mutated, so copying them would buy nothing. Registered for every message in io.borealis packages.
 */
public final class LocalCodec implements MessageCodec<Object, Object> {
  static final String NAME = "borealis-local";

  /** Makes every io.borealis object (and lists of them) travel by reference on this Vert.x's bus. */
  public static void register(Vertx vertx) {
    vertx.eventBus().registerCodec(new LocalCodec());
    vertx.eventBus().codecSelector(body -> isLocal(body) ? NAME : null);
  }

  private static boolean isLocal(Object body) {
    if (body instanceof java.util.List<?> list) {
      return list.isEmpty() || isLocal(list.get(0));
    }
    return body != null && body.getClass().getName().startsWith("io.borealis.");
  }

  @Override
  public void encodeToWire(Buffer buffer, Object o) {
    throw new IllegalStateException("Borealis messages stay inside one JVM");
  }

  @Override
  public Object decodeFromWire(int pos, Buffer buffer) {
    throw new IllegalStateException("Borealis messages stay inside one JVM");
  }

  @Override
  public Object transform(Object o) {
    return o;
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public byte systemCodecID() {
    return -1;
  }
}
