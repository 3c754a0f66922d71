package dev.deimos.impl.reactive;

import dev.deimos.ProxyState;
import dev.deimos.diffs.DestroyedDiff;
import dev.deimos.diffs.Diff;
import dev.deimos.diffs.ResyncDiff;
import dev.deimos.diffs.UngracefulTerminationDiff;
import java.util.ArrayDeque;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One proxy on the client: a local value kept current by the server's messages.
 *
 * <p>Design note: messages arrive on the server's thread into a queue; one drain at a time runs on
 * the client pool (so callbacks are serial and in server order). Each message's sequence number
 * must follow the last one; a {@link ProxyMessage.Kind#DIFF} is applied to the local value and the
 * result's checksum compared with the server's. A gap, a mismatch, a diff that cannot be applied or
 * a queue past its limit puts the proxy in resync mode: it ignores diffs and asks for the whole
 * value, which comes as a {@link ProxyMessage.Kind#RESYNC} (delivered to the callback as a {@link
 * ResyncDiff}). So the local value is never a wrong one, at worst a late one.
 */
final class ClientProxy<T> implements ProxyState<T>, ProxySink {
  private static final Logger LOG = LoggerFactory.getLogger(ClientProxy.class);

  // internal markers in the message queue
  private static final ProxyMessage OVERFLOW = new ProxyMessage(0, -1, null, null, null, 0);
  private static final ProxyMessage DESTROYED = new ProxyMessage(0, -2, null, null, null, 0);

  private final ProxyClient client;
  private final ProxyTarget target;
  private final long id;
  private final ProxyState.Callback<T> callback;
  private final ConcurrentLinkedQueue<ProxyMessage> queue = new ConcurrentLinkedQueue<>();
  private final AtomicInteger queued = new AtomicInteger();
  private final AtomicBoolean draining = new AtomicBoolean();
  private final ArrayDeque<Long> failures = new ArrayDeque<>();
  private volatile Object value;
  private volatile Status status = Status.ACTIVE;
  private volatile boolean started;
  // drain-thread state
  private long lastSeq = -1;
  private boolean resyncing;
  private ScheduledFuture<?> heartbeat;

  ClientProxy(ProxyClient client, ProxyTarget target, long id, ProxyState.Callback<T> callback) {
    this.client = client;
    this.target = target;
    this.id = id;
    this.callback = callback;
  }

  CompletableFuture<ProxyState<T>> start() {
    return target
        .subscribe(id, this)
        .thenApply(
            v -> {
              if (!started) {
                value = v;
              }
              heartbeat = client.scheduleHeartbeat(this::beat);
              return (ProxyState<T>) this;
            });
  }

  @Override
  @SuppressWarnings("unchecked")
  public T get() {
    return (T) value;
  }

  @Override
  public Status status() {
    return status;
  }

  @Override
  public void close() {
    if (status != Status.ACTIVE) {
      return;
    }
    status = Status.TERMINATED;
    stop();
    // delivered after whatever the drain is handing out, never concurrently with it
    enqueue(DESTROYED);
  }

  @Override
  public void accept(ProxyMessage m) {
    if (status != Status.ACTIVE) {
      return;
    }
    enqueue(m);
  }

  private void enqueue(ProxyMessage m) {
    if (m != DESTROYED && queued.incrementAndGet() > queueLimit()) {
      // too far behind: drop what waits and resync instead of delivering it late
      ProxyMessage drop;
      while ((drop = queue.poll()) != null) {
        queued.decrementAndGet();
      }
      queue.add(OVERFLOW);
    } else {
      queue.add(m);
    }
    if (draining.compareAndSet(false, true)) {
      client.execute(this::drain);
    }
  }

  private int queueLimit() {
    int l = target.queueLimit();
    return l > 0 ? l : client.config.queueLimit();
  }

  private void drain() {
    try {
      ProxyMessage m;
      while ((m = queue.poll()) != null) {
        if (m == DESTROYED) {
          notify(get(), new DestroyedDiff(), get());
          queue.clear();
          return;
        }
        queued.decrementAndGet();
        if (status != Status.ACTIVE) {
          continue;
        }
        handle(m);
      }
    } finally {
      draining.set(false);
    }
    if (!queue.isEmpty() && draining.compareAndSet(false, true)) {
      client.execute(this::drain);
    }
  }

  private void handle(ProxyMessage m) {
    if (m == OVERFLOW) {
      requestResync("queue limit of " + queueLimit() + " reached");
      return;
    }
    switch (m.kind()) {
      case RESYNC:
        resyncing = false;
        lastSeq = m.seq();
        Object old = value;
        boolean first = !started;
        started = true;
        value = m.value();
        // a subscription made again (expiry, reconnect) also starts at 0 but has an old value
        notify(get(), new ResyncDiff(), first ? null : cast(old));
        return;
      case TERMINATED:
        terminateUngracefully();
        return;
      default:
        break;
    }
    if (resyncing) {
      return;
    }
    if (m.seq() != lastSeq + 1) {
      requestResync("message " + m.seq() + " after " + lastSeq);
      return;
    }
    Object old = value;
    Object next;
    try {
      next = DiffApply.apply(old, m.diff());
    } catch (RuntimeException e) {
      requestResync(e.getMessage());
      return;
    }
    if (Checksums.of(next) != m.checksum()) {
      requestResync("checksum mismatch");
      return;
    }
    lastSeq = m.seq();
    value = next;
    notify(cast(next), m.diff(), cast(old));
  }

  private void requestResync(String why) {
    LOG.debug("proxy {} resyncs: {}", id, why);
    resyncing = true;
    target.resync(id);
  }

  private void notify(T newVal, Diff diff, T oldVal) {
    if (callback == null) {
      return;
    }
    try {
      callback.change(newVal, diff, oldVal);
    } catch (RuntimeException e) {
      LOG.warn("proxy {} callback failed on {}", id, diff.getClass().getSimpleName(), e);
      long now = client.config.clock().getAsLong();
      failures.addLast(now);
      while (!failures.isEmpty()
          && now - failures.peekFirst() > client.config.failureWindowNanos()) {
        failures.removeFirst();
      }
      if (failures.size() >= client.config.failureThreshold() && status == Status.ACTIVE) {
        terminateUngracefully();
      }
    }
  }

  private void terminateUngracefully() {
    if (status != Status.ACTIVE) {
      return;
    }
    status = Status.TERMINATED_UNGRACEFULLY;
    stop();
    if (callback != null) {
      try {
        callback.change(get(), new UngracefulTerminationDiff(), get());
      } catch (RuntimeException e) {
        LOG.debug("proxy {} callback failed on its termination", id, e);
      }
    }
  }

  private void stop() {
    ScheduledFuture<?> h = heartbeat;
    if (h != null) {
      h.cancel(false);
    }
    target.unsubscribe(id);
  }

  private void beat() {
    if (status != Status.ACTIVE) {
      return;
    }
    target
        .heartbeat(id)
        .thenAccept(
            alive -> {
              if (!alive && status == Status.ACTIVE) {
                // the server dropped us (expiry, restart): subscribe again, which resyncs
                LOG.debug("proxy {} lost its subscription; subscribing again", id);
                // what waits belongs to the lost subscription; the new one starts with a resync
                while (queue.poll() != null) {
                  queued.decrementAndGet();
                }
                target.subscribe(id, this);
              }
            });
  }

  @SuppressWarnings("unchecked")
  private T cast(Object o) {
    return (T) o;
  }
}
