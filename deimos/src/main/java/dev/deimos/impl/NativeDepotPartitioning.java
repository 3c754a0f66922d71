package dev.deimos.impl;

import dev.deimos.Depot;
import dev.deimos.impl.data.Functions;
import dev.deimos.impl.data.KeyHash;
import dev.deimos.ops.DeimosFunction1;
import java.io.Serializable;
import java.util.concurrent.ThreadLocalRandom;

/**
 * A built-in depot partitioning scheme made by {@link Depot#hashBy}, {@link Depot#random()} or
 * {@link Depot#disallow()}, or a custom {@link Depot.Partitioning} class.
 */
public final class NativeDepotPartitioning implements Serializable {
  private static final long serialVersionUID = 1L;

  /** The scheme. */
  public enum Kind {
    /** Hash of a key extracted from the record. */
    HASH,
    /** A random partition per append. */
    RANDOM,
    /** Clients may not append. */
    DISALLOW,
    /** A user {@link Depot.Partitioning}. */
    CUSTOM
  }

  private final Kind kind;
  private final Object fn;

  private NativeDepotPartitioning(Kind kind, Object fn) {
    this.kind = kind;
    this.fn = fn;
  }

  /**
   * Hash partitioning by {@code keyFn(record)}.
   *
   * @param keyFn a one-argument function
   * @return the scheme
   */
  public static NativeDepotPartitioning hash(Object keyFn) {
    return new NativeDepotPartitioning(Kind.HASH, keyFn);
  }

  /**
   * A scheme of the given kind without a function.
   *
   * @param kind RANDOM or DISALLOW
   * @return the scheme
   */
  public static NativeDepotPartitioning of(Kind kind) {
    return new NativeDepotPartitioning(kind, null);
  }

  /**
   * A custom partitioner.
   *
   * @param p the partitioner
   * @return the scheme
   */
  public static NativeDepotPartitioning custom(Depot.Partitioning<?> p) {
    return new NativeDepotPartitioning(Kind.CUSTOM, p);
  }

  /**
   * Returns the scheme's kind.
   *
   * @return the kind
   */
  public Kind kind() {
    return kind;
  }

  /**
   * Chooses the partition of {@code record}.
   *
   * @param record the record as appended
   * @param numPartitions the number of partitions
   * @return the partition index
   * @throws IllegalStateException for a disallowed depot or an out-of-range custom choice
   */
  @SuppressWarnings("unchecked")
  public int partitionFor(Object record, int numPartitions) {
    switch (kind) {
      case HASH:
        // called directly when it is a one-argument function: no varargs array per append
        return KeyHash.taskFor(
            fn instanceof DeimosFunction1
                ? ((DeimosFunction1<Object, Object>) fn).invoke(record)
                : Functions.invoke(fn, record),
            numPartitions);
      case RANDOM:
        return ThreadLocalRandom.current().nextInt(numPartitions);
      case CUSTOM:
        {
          int p = ((Depot.Partitioning<Object>) fn).choosePartitionIndex(record, numPartitions);
          if (p < 0 || p >= numPartitions) {
            throw new IllegalStateException(
                fn.getClass().getName()
                    + " chose partition "
                    + p
                    + " outside [0, "
                    + numPartitions
                    + ")");
          }
          return p;
        }
      default:
        throw new IllegalStateException("this depot does not allow appends from clients");
    }
  }

  /**
   * Creates an instance of a user class through its no-argument constructor.
   *
   * @param c the class
   * @param <T> its type
   * @return the instance
   * @throws IllegalArgumentException if it has no usable no-argument constructor
   */
  public static <T> T instantiate(Class<T> c) {
    try {
      java.lang.reflect.Constructor<T> ctor = c.getDeclaredConstructor();
      ctor.setAccessible(true);
      return ctor.newInstance();
    } catch (ReflectiveOperationException e) {
      throw new IllegalArgumentException(c.getName() + " needs a no-argument constructor", e);
    }
  }
}
