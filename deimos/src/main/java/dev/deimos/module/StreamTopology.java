package dev.deimos.module;

/**
 * A topology that processes each depot record on its own, with low latency and at-least-once
 * semantics: a record whose processing fails is retried as its {@link StreamSourceOptions} say.
 */
public interface StreamTopology extends ETLTopologyBase<StreamSourceOptions> {}
