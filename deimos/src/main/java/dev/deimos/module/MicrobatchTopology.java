package dev.deimos.module;

/**
 * A topology that processes what accumulated on its depots in coordinated rounds (microbatches).
 * Each microbatch covers a fixed range of offsets on every depot partition, runs across all tasks,
 * and its PState writes become visible together when it commits. A failed microbatch is rolled back
 * and retried over the same offsets, so every record affects the PStates exactly once.
 *
 * <p>A source binds an opaque microbatch value with {@code out}; {@code explodeMicrobatch} on that
 * value emits the records, on the task owning each depot partition, in append order.
 */
public interface MicrobatchTopology extends ETLTopologyBase<MicrobatchSourceOptions> {}
