package dev.deimos;

import dev.deimos.impl.pstate.schema.FixedKeysSchema;
import dev.deimos.impl.pstate.schema.ListSchema;
import dev.deimos.impl.pstate.schema.MapSchema;
import dev.deimos.impl.pstate.schema.MigratedSchemaNode;
import dev.deimos.impl.pstate.schema.SchemaNode;
import dev.deimos.impl.pstate.schema.SetSchema;
import dev.deimos.ops.DeimosFunction1;
import dev.deimos.ops.DeimosFunction2;

/**
 * A PState: a partitioned, durable, indexed store shaped by a schema.
 *
 * <p>The static methods build schemas for {@code topology.pstate("$$name", schema)}. Schemas are
 * immutable data: every builder call returns a new schema. A schema is either a {@link Class} (any
 * instance of it, or null) or one of {@link #mapSchema}, {@link #setSchema}, {@link #listSchema},
 * {@link #fixedKeysSchema}, nested freely, optionally {@link Schema#subindexed()} and optionally
 * wrapped in {@link #migrated}.
 *
 * <p>Every write to a PState is checked against its schema; a violating write fails the event that
 * made it, and none of that event's writes become visible.
 */
public interface PState {

  /**
   * Declares a map whose keys are instances of {@code keyClass} and values of {@code valClass}.
   *
   * @param keyClass key class (primitive classes mean their boxes)
   * @param valClass value class
   * @return the schema
   */
  static Schema mapSchema(Class<?> keyClass, Class<?> valClass) {
    return new MapSchema(keyClass, SchemaNode.of(valClass), false, false);
  }

  /**
   * Declares a map whose values follow a nested schema.
   *
   * @param keyClass key class
   * @param valueSchema schema of each value
   * @return the schema
   */
  static Schema mapSchema(Class<?> keyClass, Schema valueSchema) {
    return new MapSchema(keyClass, SchemaNode.of(valueSchema), false, false);
  }

  /**
   * Declares a list whose elements are instances of {@code valClass}.
   *
   * @param valClass element class
   * @return the schema
   */
  static Schema listSchema(Class<?> valClass) {
    return new ListSchema(SchemaNode.of(valClass), false);
  }

  /**
   * Declares a list whose elements follow a nested schema.
   *
   * @param valueSchema element schema
   * @return the schema
   */
  static Schema listSchema(Schema valueSchema) {
    return new ListSchema(SchemaNode.of(valueSchema), false);
  }

  /**
   * Declares a set whose elements are instances of {@code valClass}.
   *
   * @param valClass element class
   * @return the schema
   */
  static Schema setSchema(Class<?> valClass) {
    return new SetSchema(valClass, false, false);
  }

  /**
   * Declares a map with a fixed set of keys, each with its own schema. Values hold only the keys
   * written; every key is optional.
   *
   * @param keyAndSchemas alternating keys and schemas ({@code Class} or {@code Schema})
   * @return the schema
   * @throws IllegalArgumentException on an odd argument count or a repeated key
   */
  static Schema fixedKeysSchema(Object... keyAndSchemas) {
    return FixedKeysSchema.of(keyAndSchemas);
  }

  /**
   * Declares that values at this location change shape. Reads convert old values with {@code
   * migrationFunction} right away; a background pass rewrites stored values; the migration id
   * records completion, so the pass is not repeated after a restart. The function must be
   * idempotent: it may see values already in the new shape.
   *
   * @param schema the new schema ({@code Class} or {@code Schema})
   * @param migrationId names this migration; changing it starts the migration again
   * @param migrationFunction converts one value
   * @return the migrated schema, which takes further migration options
   */
  static MigratedSchema migrated(
      Object schema, String migrationId, DeimosFunction1<?, ?> migrationFunction) {
    return new MigratedSchemaNode(SchemaNode.of(schema), migrationId, migrationFunction);
  }

  // ---- client methods (a PState of a launched module, from InProcessCluster.clusterPState) ----

  /**
   * Navigates {@code path} on the partition chosen by the path's leading {@code key} (or the only
   * partition of a global PState); without a leading key the path runs on every partition and the
   * results are concatenated in task order. Runs on the owning task's thread, so it sees only whole
   * events. Returns copies.
   *
   * @param path the query path
   * @param <T> the element type
   * @return the navigated values
   */
  <T> java.util.List<T> select(Path path);

  /**
   * Navigates {@code path} on the partition owning {@code partitioningKey}.
   *
   * @param partitioningKey decides the partition, like {@code hashPartition}
   * @param path the query path
   * @param <T> the element type
   * @return the navigated values
   */
  <T> java.util.List<T> select(Object partitioningKey, Path path);

  /**
   * Like {@link #select(Path)} for a path reaching at most one value.
   *
   * @param path the query path
   * @param <T> the value type
   * @return the value, or null when nothing was reached
   * @throws IllegalStateException if the path reaches several values
   */
  <T> T selectOne(Path path);

  /**
   * Like {@link #select(Object, Path)} for a path reaching at most one value.
   *
   * @param partitioningKey decides the partition
   * @param path the query path
   * @param <T> the value type
   * @return the value, or null when nothing was reached
   */
  <T> T selectOne(Object partitioningKey, Path path);

  /**
   * Non-blocking {@link #select(Path)}.
   *
   * @param path the query path
   * @param <T> the element type
   * @return the values when ready
   */
  <T> java.util.concurrent.CompletableFuture<java.util.List<T>> selectAsync(Path path);

  /**
   * Non-blocking {@link #select(Object, Path)}.
   *
   * @param partitioningKey decides the partition
   * @param path the query path
   * @param <T> the element type
   * @return the values when ready
   */
  <T> java.util.concurrent.CompletableFuture<java.util.List<T>> selectAsync(
      Object partitioningKey, Path path);

  /**
   * Non-blocking {@link #selectOne(Path)}.
   *
   * @param path the query path
   * @param <T> the value type
   * @return the value when ready
   */
  <T> java.util.concurrent.CompletableFuture<T> selectOneAsync(Path path);

  /**
   * Non-blocking {@link #selectOne(Object, Path)}.
   *
   * @param partitioningKey decides the partition
   * @param path the query path
   * @param <T> the value type
   * @return the value when ready
   */
  <T> java.util.concurrent.CompletableFuture<T> selectOneAsync(Object partitioningKey, Path path);

  /**
   * Follows the one value {@code path} reaches, like {@link #selectOne(Path)} kept current: the
   * returned proxy's value changes as the PState does. Routed like {@link #select(Path)}, so on a
   * PState of several partitions the path must start with {@code key} (or use {@link #proxy(Object,
   * Path)}).
   *
   * @param path a path reaching at most one value, which is neither a whole top-level map nor a
   *     subindexed structure (those are indexed per element: proxy values inside them)
   * @param <T> the value type
   * @return the proxy, holding the current value
   * @throws IllegalArgumentException if the path cannot be proxied
   */
  <T> ProxyState<T> proxy(Path path);

  /**
   * Like {@link #proxy(Path)}, calling {@code callback} with every change and its diff.
   *
   * @param path the path
   * @param callback receives the changes, in server order, on a client pool thread
   * @param <T> the value type
   * @return the proxy
   */
  <T> ProxyState<T> proxy(Path path, ProxyState.Callback<T> callback);

  /**
   * Like {@link #proxy(Path)} on the partition owning {@code partitioningKey}.
   *
   * @param partitioningKey decides the partition
   * @param path the path
   * @param <T> the value type
   * @return the proxy
   */
  <T> ProxyState<T> proxy(Object partitioningKey, Path path);

  /**
   * Like {@link #proxy(Path, ProxyState.Callback)} on the partition owning {@code partitioningKey}.
   *
   * @param partitioningKey decides the partition
   * @param path the path
   * @param callback receives the changes
   * @param <T> the value type
   * @return the proxy
   */
  <T> ProxyState<T> proxy(Object partitioningKey, Path path, ProxyState.Callback<T> callback);

  /**
   * Non-blocking {@link #proxy(Path)}.
   *
   * @param path the path
   * @param <T> the value type
   * @return the proxy once subscribed
   */
  <T> java.util.concurrent.CompletableFuture<ProxyState<T>> proxyAsync(Path path);

  /**
   * Non-blocking {@link #proxy(Path, ProxyState.Callback)}.
   *
   * @param path the path
   * @param callback receives the changes
   * @param <T> the value type
   * @return the proxy once subscribed
   */
  <T> java.util.concurrent.CompletableFuture<ProxyState<T>> proxyAsync(
      Path path, ProxyState.Callback<T> callback);

  /**
   * Non-blocking {@link #proxy(Object, Path)}.
   *
   * @param partitioningKey decides the partition
   * @param path the path
   * @param <T> the value type
   * @return the proxy once subscribed
   */
  <T> java.util.concurrent.CompletableFuture<ProxyState<T>> proxyAsync(
      Object partitioningKey, Path path);

  /**
   * Non-blocking {@link #proxy(Object, Path, ProxyState.Callback)}.
   *
   * @param partitioningKey decides the partition
   * @param path the path
   * @param callback receives the changes
   * @param <T> the value type
   * @return the proxy once subscribed
   */
  <T> java.util.concurrent.CompletableFuture<ProxyState<T>> proxyAsync(
      Object partitioningKey, Path path, ProxyState.Callback<T> callback);

  /** Builder-style options on a schema. */
  interface Schema {
    /**
     * Stores this structure's elements individually, so it may grow larger than memory and reads of
     * one element or a range cost a seek. Size tracking is on.
     *
     * @return a subindexed copy of this schema
     * @throws IllegalArgumentException for class and fixed-keys schemas
     */
    Schema subindexed();

    /**
     * Like {@link #subindexed()} with options.
     *
     * @param options subindex options
     * @return a subindexed copy of this schema
     */
    Schema subindexed(SubindexOptions options);
  }

  /** Options of a migration; each must be stated explicitly even where it could be inferred. */
  interface MigratedSchema extends Schema {
    /**
     * States that the migration adds keys to a fixed-keys schema.
     *
     * @param ks added keys
     * @return a copy with the option
     */
    MigratedSchema addFixedKeys(Object... ks);

    /**
     * States that the migration removes keys from a fixed-keys schema.
     *
     * @param ks removed keys
     * @return a copy with the option
     */
    MigratedSchema removeFixedKeys(Object... ks);

    /**
     * States that the value becomes a subindexed structure.
     *
     * @return a copy with the option
     */
    MigratedSchema migrateToSubindexed();
  }

  /** Options on a PState declared in a topology. Every method returns this declaration. */
  interface Declaration {
    /**
     * Gives the PState a single partition, on task 0.
     *
     * @return this declaration
     */
    Declaration global();

    /**
     * Sets the value every partition starts with. Only for PStates whose schema is a Class.
     *
     * @param val the initial value
     * @return this declaration
     */
    Declaration initialValue(Object val);

    /**
     * Makes the PState readable only inside its declaring topology.
     *
     * @return this declaration
     */
    Declaration makePrivate();

    /**
     * Replaces the hash routing of client and topology reads with a custom function of the number
     * of partitions and the partitioning key that returns a partition index.
     *
     * @param partitionerClass a class with a public no-argument constructor
     * @param <T> key type
     * @param <F> function type
     * @return this declaration
     */
    <T, F extends DeimosFunction2<Integer, T, Integer>> Declaration keyPartitioner(
        Class<F> partitionerClass);
  }
}
