package dev.deimos.ops;

/**
 * Common supertype of single aggregators ({@link dev.deimos.Agg}) and aggregation templates ({@link
 * dev.deimos.CompoundAgg}), so a template can hold either at its leaves.
 *
 * <p>Instances are immutable and may be shared between blocks and threads.
 */
public interface AggOrCompoundAgg {}
