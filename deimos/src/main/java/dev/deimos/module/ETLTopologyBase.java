package dev.deimos.module;

import dev.deimos.Block;
import dev.deimos.PState;

/**
 * What stream and microbatch topologies share: PState declarations and depot sources.
 *
 * @param <T> the source options type
 */
public interface ETLTopologyBase<T> {
  /**
   * Declares a PState owned by this topology.
   *
   * @param var the PState var, starting with {@code $$}
   * @param schema the schema built with {@link PState#mapSchema} and friends
   * @return options of the PState
   */
  PState.Declaration pstate(String var, PState.Schema schema);

  /**
   * Declares a PState holding one value of {@code schema} per partition.
   *
   * @param var the PState var
   * @param schema the value class
   * @return options of the PState
   */
  PState.Declaration pstate(String var, Class<?> schema);

  /**
   * Starts a dataflow run once per record of {@code depotVar}; bind the record with {@code out}.
   *
   * @param depotVar the depot var
   * @return the chain to build on
   */
  Block.OutImpl source(String depotVar);

  /**
   * Like {@link #source(String)} with options.
   *
   * @param depotVar the depot var
   * @param options source options
   * @return the chain to build on
   */
  Block.OutImpl source(String depotVar, T options);
}
