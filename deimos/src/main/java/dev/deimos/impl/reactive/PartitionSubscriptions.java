package dev.deimos.impl.reactive;

import dev.deimos.Path;
import dev.deimos.diffs.Diff;
import dev.deimos.impl.data.Vars;
import dev.deimos.impl.path.PathKeys;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.LongSupplier;

/**
 * The proxy subscriptions of one task's partition of one PState. Used only on that task's thread.
 *
 * <p>Design note: subscriptions are indexed by the top-level key their path starts with (paths
 * without a leading key, on a global PState or proxied by partitioning key, sit in one list). The
 * owning partition reports the leading key of every write ({@link #noteWrite}) and, once the writes
 * are visible to readers, calls {@link #afterCommit}: only subscriptions under a touched key (plus
 * the key-less ones) re-read their view and send a diff, so unaffected subscribers cost nothing and
 * a partition without subscribers pays one null check per write. A write whose path has no leading
 * key touches every subscription. An aborted event or microbatch attempt {@link #discardWrites}, so
 * no diff ever shows uncommitted data.
 */
public final class PartitionSubscriptions {
  private final String pstate;
  private int limit;
  private final long expiryNanos;
  private final LongSupplier clock;
  private final Map<Object, List<Subscription>> byKey = new HashMap<>();
  private final List<Subscription> unkeyed = new ArrayList<>();
  private final Map<Long, Subscription> byId = new HashMap<>();
  private final Set<Object> touched = new HashSet<>();
  private boolean touchedAll;
  private long lastSweep;

  /**
   * Creates an empty registry.
   *
   * @param pstate the PState's name, for messages
   * @param limit most subscriptions ({@code pstate.proxy.limit})
   * @param expiryNanos a subscription without a heartbeat for this long is dropped
   * @param clock nanosecond clock
   */
  public PartitionSubscriptions(String pstate, int limit, long expiryNanos, LongSupplier clock) {
    this.pstate = pstate;
    this.limit = limit;
    this.expiryNanos = expiryNanos;
    this.clock = clock;
    this.lastSweep = clock.getAsLong();
  }

  /** Returns whether no subscription exists (the write path then skips all reactive work). */
  public boolean isEmpty() {
    return byId.isEmpty();
  }

  /**
   * Changes {@code pstate.proxy.limit} (a module update may set it); existing subscriptions stay.
   *
   * @param limit most subscriptions
   */
  public void setLimit(int limit) {
    this.limit = limit;
  }

  /** Returns the number of subscriptions. */
  public int size() {
    return byId.size();
  }

  /**
   * Records the leading key of a staged write.
   *
   * @param path the write's path
   * @param vars its vars
   */
  public void noteWrite(Path path, Vars vars) {
    if (touchedAll) {
      return;
    }
    Object k = PathKeys.firstKey(path, vars);
    if (k == PathKeys.NONE) {
      touchedAll = true;
      touched.clear();
    } else {
      touched.add(k);
    }
  }

  /** Forgets the writes recorded since the last commit (they were aborted). */
  public void discardWrites() {
    touched.clear();
    touchedAll = false;
  }

  /**
   * Sends a diff to every subscription the committed writes may have changed.
   *
   * @param reader reads a path over the committed data
   */
  public void afterCommit(Function<Path, List<Object>> reader) {
    sweep();
    if (touchedAll) {
      for (Subscription s : new ArrayList<>(byId.values())) {
        refresh(s, reader);
      }
    } else if (!touched.isEmpty()) {
      for (Object k : touched) {
        List<Subscription> l = byKey.get(k);
        if (l != null) {
          for (Subscription s : new ArrayList<>(l)) {
            refresh(s, reader);
          }
        }
      }
      for (Subscription s : new ArrayList<>(unkeyed)) {
        refresh(s, reader);
      }
    }
    discardWrites();
  }

  /**
   * Starts a subscription: reads its value and sends it as message 0.
   *
   * @param id the subscription id
   * @param path the proxied path
   * @param reader reads a path over the committed data
   * @param sink receives the messages
   * @return the initial value
   * @throws IllegalStateException past {@code pstate.proxy.limit} or for a duplicate id
   * @throws IllegalArgumentException if the path reaches several values
   */
  public Object subscribe(long id, Path path, Function<Path, List<Object>> reader, ProxySink sink) {
    sweep();
    if (byId.size() >= limit) {
      throw new IllegalStateException(
          "PState " + pstate + ": pstate.proxy.limit of " + limit + " proxies reached");
    }
    if (byId.containsKey(id)) {
      throw new IllegalStateException("proxy subscription " + id + " exists already");
    }
    Object v = readOne(path, reader);
    Object key = PathKeys.firstKey(path, Vars.NONE);
    Subscription s = new Subscription(id, path, key, sink);
    s.last = Values.deepCopy(v);
    s.heartbeat = clock.getAsLong();
    byId.put(id, s);
    if (key == PathKeys.NONE) {
      unkeyed.add(s);
    } else {
      byKey.computeIfAbsent(key, x -> new ArrayList<>(1)).add(s);
    }
    sink.accept(new ProxyMessage(id, 0, ProxyMessage.Kind.RESYNC, null, v, Checksums.of(v)));
    return v;
  }

  /**
   * Sends the whole current value of a subscription again.
   *
   * @param id the subscription
   * @param reader reads a path over the committed data
   */
  public void resync(long id, Function<Path, List<Object>> reader) {
    Subscription s = byId.get(id);
    if (s != null) {
      resync(s, reader);
    }
  }

  /**
   * Resyncs every subscription, e.g. after a module update gave the partition new data.
   *
   * @param reader reads a path over the committed data
   */
  public void resyncAll(Function<Path, List<Object>> reader) {
    for (Subscription s : new ArrayList<>(byId.values())) {
      resync(s, reader);
    }
  }

  /**
   * Records a heartbeat.
   *
   * @param id the subscription
   * @return false if the subscription does not exist (expired or never made)
   */
  public boolean heartbeat(long id) {
    sweep();
    Subscription s = byId.get(id);
    if (s == null) {
      return false;
    }
    s.heartbeat = clock.getAsLong();
    return true;
  }

  /**
   * Ends a subscription.
   *
   * @param id the subscription
   */
  public void unsubscribe(long id) {
    Subscription s = byId.remove(id);
    if (s == null) {
      return;
    }
    if (s.key == PathKeys.NONE) {
      unkeyed.remove(s);
    } else {
      List<Subscription> l = byKey.get(s.key);
      l.remove(s);
      if (l.isEmpty()) {
        byKey.remove(s.key);
      }
    }
  }

  /** Tells every subscriber the partition is gone (module destroyed or cluster closed). */
  public void terminateAll() {
    for (Subscription s : new ArrayList<>(byId.values())) {
      terminate(s);
    }
  }

  private void sweep() {
    long now = clock.getAsLong();
    if (now - lastSweep < expiryNanos / 4) {
      return;
    }
    lastSweep = now;
    Iterator<Subscription> it = new ArrayList<>(byId.values()).iterator();
    while (it.hasNext()) {
      Subscription s = it.next();
      if (now - s.heartbeat > expiryNanos) {
        // a silent client: drop it; its next heartbeat learns so and subscribes again
        unsubscribe(s.id);
      }
    }
  }

  private void refresh(Subscription s, Function<Path, List<Object>> reader) {
    Object v;
    try {
      v = readOne(s.path, reader);
    } catch (RuntimeException e) {
      terminate(s);
      return;
    }
    Diff d = ValueDiffs.diff(s.last, v);
    if (d == null) {
      return;
    }
    s.last = Values.deepCopy(v);
    s.seq++;
    s.sink.accept(new ProxyMessage(s.id, s.seq, ProxyMessage.Kind.DIFF, d, null, Checksums.of(v)));
  }

  private void resync(Subscription s, Function<Path, List<Object>> reader) {
    Object v;
    try {
      v = readOne(s.path, reader);
    } catch (RuntimeException e) {
      terminate(s);
      return;
    }
    s.last = Values.deepCopy(v);
    s.seq++;
    s.sink.accept(
        new ProxyMessage(s.id, s.seq, ProxyMessage.Kind.RESYNC, null, v, Checksums.of(v)));
  }

  private void terminate(Subscription s) {
    unsubscribe(s.id);
    s.sink.accept(new ProxyMessage(s.id, s.seq + 1, ProxyMessage.Kind.TERMINATED, null, null, 0));
  }

  private Object readOne(Path path, Function<Path, List<Object>> reader) {
    List<Object> r = reader.apply(path);
    if (r.size() > 1) {
      throw new IllegalArgumentException(
          "proxy on PState "
              + pstate
              + ": the path must reach exactly one value but reached "
              + r.size()
              + " with "
              + path);
    }
    return r.isEmpty() ? null : r.get(0);
  }

  /** One subscriber's view: the path, and the version of its value it was last sent. */
  private static final class Subscription {
    final long id;
    final Path path;
    final Object key;
    final ProxySink sink;
    Object last;
    long seq;
    long heartbeat;

    Subscription(long id, Path path, Object key, ProxySink sink) {
      this.id = id;
      this.path = path;
      this.key = key;
      this.sink = sink;
    }
  }
}
