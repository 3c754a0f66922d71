package dev.deimos.impl.reactive;

import dev.deimos.ProxyState;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * The client half of proxies for one cluster client: the callback pool ({@code
 * foreign.proxy.thread.pool.size} threads), subscription ids, heartbeats and the failure and queue
 * limits every proxy it makes follows.
 */
public final class ProxyClient implements AutoCloseable {
  /** Defaults of the settings, Rama's where Rama states them. */
  public static final int DEFAULT_POOL_SIZE = 2;

  private final ExecutorService pool;
  private final ScheduledExecutorService heartbeats;
  private final AtomicLong ids = new AtomicLong();
  final Config config;

  /**
   * Proxy settings.
   *
   * @param poolSize callback threads ({@code foreign.proxy.thread.pool.size})
   * @param failureWindowNanos window of {@code foreign.proxy.failure.window.seconds}
   * @param failureThreshold callback failures within the window that terminate the proxy ({@code
   *     foreign.proxy.failure.window.threshold})
   * @param queueLimit undelivered messages per proxy past which they are dropped for a resync
   *     ({@code pstate.reactivity.queue.limit})
   * @param heartbeatMillis period of client heartbeats (0 for none)
   * @param clock nanosecond clock
   */
  public record Config(
      int poolSize,
      long failureWindowNanos,
      int failureThreshold,
      int queueLimit,
      long heartbeatMillis,
      LongSupplier clock) {
    /** Rama's defaults: 2 threads, 10 failures in 120 s; 10,000 queued; heartbeat every 5 s. */
    public static Config defaults() {
      return new Config(
          DEFAULT_POOL_SIZE, TimeUnit.SECONDS.toNanos(120), 10, 10_000, 5_000, System::nanoTime);
    }
  }

  /**
   * Creates a client.
   *
   * @param config the settings
   */
  public ProxyClient(Config config) {
    this.config = config;
    AtomicInteger n = new AtomicInteger();
    ThreadFactory tf =
        r -> {
          Thread t = new Thread(r, "deimos-proxy-" + n.incrementAndGet());
          t.setDaemon(true);
          return t;
        };
    this.pool = Executors.newFixedThreadPool(config.poolSize(), tf);
    this.heartbeats =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "deimos-proxy-heartbeat");
              t.setDaemon(true);
              return t;
            });
  }

  /**
   * Subscribes through {@code target}.
   *
   * @param target the server side
   * @param callback receives the changes, or null
   * @param <T> value type
   * @return the proxy once its initial value is known
   */
  public <T> CompletableFuture<ProxyState<T>> open(
      ProxyTarget target, ProxyState.Callback<T> callback) {
    ClientProxy<T> p = new ClientProxy<>(this, target, ids.incrementAndGet(), callback);
    return p.start();
  }

  void execute(Runnable r) {
    pool.execute(r);
  }

  java.util.concurrent.ScheduledFuture<?> scheduleHeartbeat(Runnable r) {
    long ms = config.heartbeatMillis();
    return ms <= 0 ? null : heartbeats.scheduleWithFixedDelay(r, ms, ms, TimeUnit.MILLISECONDS);
  }

  /** Stops the threads; proxies stop receiving changes. */
  @Override
  public void close() {
    heartbeats.shutdownNow();
    pool.shutdown();
  }
}
