package dev.deimos;

import dev.deimos.impl.NamedFieldKey;
import dev.deimos.impl.NativeDepotPartitioning;
import dev.deimos.ops.DeimosFunction1;
import java.io.Closeable;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * A client of one depot of a launched module, and the built-in partitioning schemes used when
 * declaring depots. Clients are thread-safe; get one from {@code InProcessCluster.clusterDepot}.
 *
 * <p>An appended record is serialized during the call, so the caller may change its object
 * afterwards. The record must be serializable (a plain value, collection, or {@link
 * java.io.Serializable}); otherwise the append fails with an {@link IllegalArgumentException}.
 */
public interface Depot extends Closeable {

  /**
   * Appends with {@link AckLevel#ACK}.
   *
   * @param data the record
   * @return for every stream topology of the module reading this depot, its {@code ackReturn} value
   *     (null where it set none)
   * @throws RuntimeException the failure of a topology once its retries are exhausted
   */
  Map<String, Object> append(Object data);

  /**
   * Appends and waits as long as {@code level} says.
   *
   * @param data the record
   * @param level how long to wait
   * @return the ack-return map at {@link AckLevel#ACK}, else an empty map
   */
  Map<String, Object> append(Object data, AckLevel level);

  /**
   * Appends with {@link AckLevel#ACK} without blocking.
   *
   * @param data the record
   * @return completes like {@link #append(Object)} returns
   */
  CompletableFuture<Map<String, Object>> appendAsync(Object data);

  /**
   * Appends without blocking.
   *
   * @param data the record
   * @param level when the future completes
   * @return completes like {@link #append(Object, AckLevel)} returns
   */
  CompletableFuture<Map<String, Object>> appendAsync(Object data, AckLevel level);

  /**
   * Partitions records by the hash of {@code keyFn(record)}.
   *
   * @param keyFn extracts the partitioning key, e.g. {@code Ops.FIRST}
   * @return the scheme
   */
  static NativeDepotPartitioning hashBy(DeimosFunction1<?, ?> keyFn) {
    return NativeDepotPartitioning.hash(keyFn);
  }

  /**
   * Partitions records by the hash of the key a function class extracts; the class needs a public
   * no-argument constructor.
   *
   * @param keyFnClass the function class
   * @return the scheme
   */
  @SuppressWarnings("rawtypes")
  static NativeDepotPartitioning hashBy(Class<? extends DeimosFunction1> keyFnClass) {
    return NativeDepotPartitioning.hash(NativeDepotPartitioning.instantiate(keyFnClass));
  }

  /**
   * Partitions records by the hash of one named entry: for a {@link Map} record the value under
   * {@code fieldName}, for any other record the value of its instance field {@code fieldName}. An
   * append whose record has neither fails with an {@link IllegalArgumentException} naming the field
   * and the record's class.
   *
   * @param fieldName the map key or field name
   * @return the scheme
   * @throws IllegalArgumentException if {@code fieldName} is null or empty
   */
  static NativeDepotPartitioning hashBy(String fieldName) {
    return NativeDepotPartitioning.hash(new NamedFieldKey(fieldName));
  }

  /**
   * Sends every record to a random partition.
   *
   * @return the scheme
   */
  static NativeDepotPartitioning random() {
    return NativeDepotPartitioning.of(NativeDepotPartitioning.Kind.RANDOM);
  }

  /**
   * Rejects appends from clients (topologies may still append with {@code depotPartitionAppend}).
   *
   * @return the scheme
   */
  static NativeDepotPartitioning disallow() {
    return NativeDepotPartitioning.of(NativeDepotPartitioning.Kind.DISALLOW);
  }

  /** Options of a depot declared with {@code Setup.declareDepot}. */
  interface Declaration {
    /**
     * Gives the depot a single partition (on task 0).
     *
     * @return this declaration
     */
    Declaration global();
  }

  /**
   * A custom depot partitioner; declared by class, which needs a public no-argument constructor.
   *
   * @param <T> the record type
   */
  interface Partitioning<T> extends DeimosSerializable {
    /**
     * Chooses the partition of a record.
     *
     * @param data the record
     * @param numPartitions the depot's partition count
     * @return a partition in {@code [0, numPartitions)}
     */
    int choosePartitionIndex(T data, int numPartitions);
  }
}
