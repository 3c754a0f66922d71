package dev.deimos.server;

import dev.deimos.Path;
import dev.deimos.impl.cluster.InProcessClusterImpl;
import dev.deimos.impl.net.Wire;
import dev.deimos.impl.reactive.ProxyMessage;
import dev.deimos.impl.reactive.ProxySink;
import dev.deimos.impl.reactive.ProxyTarget;
import dev.deimos.impl.serial.ValueCodec;
import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.EventLoop;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The proxy subscriptions of one client connection: {@link Wire#PROXY_SUBSCRIBE} and the other
 * proxy requests, and the {@link Wire#PROXY_PUSH} frames that carry each subscription's messages to
 * the client.
 *
 * <p>Design note: a subscription's messages are produced on the owning task's thread (the sink of
 * {@link ProxyTarget#subscribe}); they are encoded there, so a push is a snapshot whatever the task
 * does next, and written on the connection's event loop in the order produced, so the client sees
 * server order. Each subscription counts its pushes not yet written to the socket; past the
 * module's {@code pstate.reactivity.queue.limit} (a client that does not keep up) its diffs are
 * dropped, and once the backlog is written the subscription is resynced: late, never wrong. A diff
 * that cannot be encoded (a value type without a wire form) is also replaced by a resync. When the
 * connection closes, every subscription on it ends.
 */
final class ProxyConnection {
  private static final Logger LOG = LoggerFactory.getLogger(ProxyConnection.class);

  private final Channel ch;
  private final InProcessClusterImpl cluster;
  private final ValueCodec codec;
  private final BiFunction<String, byte[], Object> decodeFor;
  private final Map<Long, Sub> subs = new ConcurrentHashMap<>();

  /**
   * A heartbeat reaches the partition at most this often per subscription (a quarter of its 60 s
   * expiry); those in between are answered from this connection's own map.
   */
  static final long FORWARD_NANOS = java.util.concurrent.TimeUnit.SECONDS.toNanos(15);

  private volatile boolean closed;
  private boolean flushQueued; // event loop only

  ProxyConnection(
      Channel ch,
      InProcessClusterImpl cluster,
      ValueCodec codec,
      BiFunction<String, byte[], Object> decodeFor) {
    this.ch = ch;
    this.cluster = cluster;
    this.codec = codec;
    this.decodeFor = decodeFor;
  }

  /**
   * Handles one proxy request.
   *
   * @param op the op, one of the {@code PROXY_*} requests
   * @param msg the body after op and request id
   * @return the answer
   */
  CompletableFuture<?> handle(byte op, ByteBuf msg) {
    if (op == Wire.PROXY_HEARTBEATS) {
      return heartbeats(msg);
    }
    long id = msg.readLong();
    switch (op) {
      case Wire.PROXY_SUBSCRIBE:
        {
          String module = Wire.readString(msg);
          String pstate = Wire.readString(msg);
          boolean keyGiven = msg.readByte() != 0;
          Object key = decodeFor.apply(module, Wire.readBytes(msg));
          Object path = decodeFor.apply(module, Wire.readBytes(msg));
          if (!(path instanceof Path)) {
            throw new IllegalArgumentException("proxy on PState " + pstate + " needs a Path");
          }
          return subscribe(id, cluster.proxyTarget(module, pstate, keyGiven, key, (Path) path));
        }
      case Wire.PROXY_RESYNC:
        {
          Sub s = subs.get(id);
          if (s != null) {
            s.target.resync(id);
          }
          return CompletableFuture.completedFuture(null);
        }
      case Wire.PROXY_HEARTBEAT:
        {
          Sub s = subs.get(id);
          if (s == null) {
            return CompletableFuture.completedFuture(false);
          }
          return s.target.heartbeat(id);
        }
      case Wire.PROXY_UNSUBSCRIBE:
        {
          Sub s = subs.remove(id);
          if (s != null) {
            s.target.unsubscribe(id);
          }
          return CompletableFuture.completedFuture(null);
        }
      default:
        throw new IllegalArgumentException("unknown proxy op " + op);
    }
  }

  private CompletableFuture<byte[]> heartbeats(ByteBuf msg) {
    int n = msg.readInt();
    if (n < 0 || n > msg.readableBytes() / 8) {
      throw new IllegalArgumentException(
          "malformed heartbeats: " + n + " ids in " + msg.readableBytes() + " bytes");
    }
    byte[] alive = new byte[n];
    CompletableFuture<?>[] each = new CompletableFuture<?>[n];
    for (int i = 0; i < n; i++) {
      long id = msg.readLong();
      Sub s = subs.get(id);
      if (s == null) {
        each[i] = CompletableFuture.completedFuture(null);
        continue;
      }
      long now = System.nanoTime();
      if (now - s.lastForwarded < FORWARD_NANOS) {
        // the partition heard from it recently and would have told us (a TERMINATED push
        // removes it from subs) had it gone: answer here, sparing the task a call
        alive[i] = 1;
        each[i] = CompletableFuture.completedFuture(null);
        continue;
      }
      s.lastForwarded = now;
      int at = i;
      each[i] =
          s.target
              .heartbeat(id)
              .thenAccept(ok -> alive[at] = (byte) (Boolean.TRUE.equals(ok) ? 1 : 0));
    }
    // the array is read only after every write to it completed (allOf happens-after each)
    return CompletableFuture.allOf(each).thenApply(v -> alive);
  }

  private CompletableFuture<Object> subscribe(long id, ProxyTarget target) {
    if (closed) {
      throw new IllegalStateException("the connection is closing");
    }
    // a client subscribing again under the same id (after a lost answer): the old one goes
    Sub old = subs.remove(id);
    if (old != null) {
      old.target.unsubscribe(id);
    }
    Sub s = new Sub(id, target);
    subs.put(id, s);
    return target
        .subscribe(id, s)
        .whenComplete(
            (v, e) -> {
              if (e != null) {
                subs.remove(id, s);
              }
            });
  }

  /** Ends every subscription of the connection (it closed). */
  void close() {
    closed = true;
    for (Map.Entry<Long, Sub> e : subs.entrySet()) {
      if (subs.remove(e.getKey(), e.getValue())) {
        e.getValue().target.unsubscribe(e.getKey());
      }
    }
  }

  /** Number of subscriptions, for tests and status. */
  int size() {
    return subs.size();
  }

  /** One subscription: its target and its unwritten pushes. */
  private final class Sub implements ProxySink {
    final long id;
    final ProxyTarget target;
    final int limit;
    final AtomicInteger unwritten = new AtomicInteger();
    // set by the task thread when it drops a push, cleared by whoever then asks for the resync
    final AtomicBoolean overflowed = new AtomicBoolean();
    // when a heartbeat of this subscription last went to its partition (subscribing counts)
    volatile long lastForwarded = System.nanoTime();

    Sub(long id, ProxyTarget target) {
      this.id = id;
      this.target = target;
      int l = target.queueLimit();
      this.limit = l > 0 ? l : Integer.MAX_VALUE;
    }

    /** On the task thread. */
    @Override
    public void accept(ProxyMessage m) {
      if (closed || subs.get(id) != this) {
        return;
      }
      if (m.kind() != ProxyMessage.Kind.TERMINATED) {
        if (overflowed.get()) {
          return; // dropped; the resync after the backlog replaces it
        }
        if (unwritten.get() >= limit) {
          LOG.debug("proxy {}: {} pushes unwritten; resyncing later", id, limit);
          overflowed.set(true);
          // the backlog may have drained between the check above and the flag, leaving no
          // written() to see it: then this thread asks for the resync itself
          if (unwritten.get() == 0 && overflowed.compareAndSet(true, false)) {
            target.resync(id);
          }
          return;
        }
      }
      byte[] payload;
      byte kind;
      try {
        switch (m.kind()) {
          case DIFF:
            kind = Wire.PUSH_DIFF;
            payload = codec.encode(m.diff());
            break;
          case RESYNC:
            kind = Wire.PUSH_RESYNC;
            payload = codec.encode(m.value());
            break;
          default:
            kind = Wire.PUSH_TERMINATED;
            payload = new byte[0];
            subs.remove(id, this);
            break;
        }
      } catch (RuntimeException e) {
        if (m.kind() == ProxyMessage.Kind.DIFF) {
          LOG.debug("proxy {}: diff cannot be encoded ({}); resyncing", id, e.toString());
          target.resync(id);
        } else {
          LOG.warn("proxy {}: value cannot be encoded; ending it: {}", id, e.toString());
          subs.remove(id, this);
          target.unsubscribe(id);
          write(this, Wire.PUSH_TERMINATED, m.seq(), 0, new byte[0]);
        }
        return;
      }
      write(this, kind, m.seq(), m.checksum(), payload);
    }

    /** A push of this subscription reached the socket. */
    void written() {
      if (unwritten.decrementAndGet() == 0 && overflowed.compareAndSet(true, false)) {
        if (subs.get(id) == this) {
          target.resync(id);
        }
      }
    }
  }

  private void write(Sub s, byte kind, long seq, long checksum, byte[] payload) {
    ByteBuf b = ch.alloc().buffer(4 + 1 + 4 + 8 + 8 + 1 + 8 + 4 + payload.length);
    b.writeInt(0);
    b.writeByte(Wire.PROXY_PUSH);
    b.writeInt(0);
    b.writeLong(s.id);
    b.writeLong(seq);
    b.writeByte(kind);
    b.writeLong(checksum);
    Wire.writeBytes(b, payload);
    b.setInt(0, b.readableBytes() - 4);
    s.unwritten.incrementAndGet();
    EventLoop loop = ch.eventLoop();
    try {
      loop.execute(() -> writeAndScheduleFlush(s, b));
    } catch (RejectedExecutionException e) {
      b.release(); // the server is stopping; the connection goes with it
    }
  }

  /** On the event loop: pushes written between two turns leave in one flush. */
  private void writeAndScheduleFlush(Sub s, ByteBuf b) {
    ch.write(b).addListener(f -> s.written());
    if (!flushQueued) {
      flushQueued = true;
      ch.eventLoop()
          .execute(
              () -> {
                flushQueued = false;
                ch.flush();
              });
    }
  }
}
