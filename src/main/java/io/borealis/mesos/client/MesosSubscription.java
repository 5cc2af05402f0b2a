package io.borealis.mesos.client;

/** An open SUBSCRIBE stream: the master that serves it and the stream id every later call must carry. */
public record MesosSubscription(String masterUrl, String streamId) {}
