package dev.deimos.impl.net;

import dev.deimos.Path;
import dev.deimos.ProxyState;
import dev.deimos.diffs.Diff;
import dev.deimos.impl.reactive.ProxyClient;
import dev.deimos.impl.reactive.ProxyMessage;
import dev.deimos.impl.reactive.ProxySink;
import dev.deimos.impl.reactive.ProxyTarget;
import dev.deimos.impl.serial.ValueCodec;
import io.netty.buffer.ByteBuf;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The client half of proxies over a {@link NetClient}: each proxy's {@link ProxyTarget} is a set of
 * requests ({@link Wire#PROXY_SUBSCRIBE} and the rest), and the server's {@link Wire#PROXY_PUSH}
 * frames are routed by subscription id to the proxy, which checks order and checksums exactly as in
 * process ({@code impl.reactive.ClientProxy}).
 *
 * <p>Design note: subscriptions live on the server per connection. When the connection drops
 * (server restart, network failure) every open proxy subscribes again on the next connection, and
 * its first push there is a resync; a proxy whose new subscription could not be made in time finds
 * out at its next heartbeat (answered false) and subscribes again then. So a proxy outlives
 * restarts and its value is never a mix of two server lives.
 */
final class NetProxies implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(NetProxies.class);

  private final NetClient client;
  private final ValueCodec codec;
  private final long timeoutMillis;
  private final ProxyClient.Config config;
  private final Map<Long, Sub> subs = new ConcurrentHashMap<>();
  private ProxyClient proxies; // made by the first proxy
  // heartbeats waiting to leave together (one request per HEARTBEAT_BATCH_MILLIS, not one each)
  private final Object beatLock = new Object();
  private List<Long> beatIds = new ArrayList<>();
  private List<CompletableFuture<Boolean>> beatAnswers = new ArrayList<>();

  /** How long a heartbeat waits for others to share its request. */
  static final long HEARTBEAT_BATCH_MILLIS = 100;

  NetProxies(NetClient client, ValueCodec codec, long timeoutMillis, ProxyClient.Config config) {
    this.client = client;
    this.codec = codec;
    this.timeoutMillis = timeoutMillis;
    this.config = config;
    client.onPush(this::push);
    client.onConnectionLost(this::subscribeAllAgain);
  }

  /** Subscriptions this client has open, for tests. */
  int open() {
    return subs.size();
  }

  <T> CompletableFuture<ProxyState<T>> open(
      String module,
      String pstate,
      boolean keyGiven,
      Object key,
      Path path,
      ProxyState.Callback<T> callback) {
    byte[] k;
    byte[] p;
    try {
      k = codec.encode(key);
      p = codec.encode(path);
    } catch (RuntimeException e) {
      return CompletableFuture.failedFuture(e);
    }
    return proxyClient().open(new Target(module, pstate, keyGiven, k, p), callback);
  }

  private synchronized ProxyClient proxyClient() {
    if (proxies == null) {
      proxies = new ProxyClient(config);
    }
    return proxies;
  }

  /** One open subscription: where its pushes go and how to make it again. */
  private record Sub(Target target, ProxySink sink) {}

  /** On the network thread: one {@link Wire#PROXY_PUSH} frame. */
  private void push(ByteBuf m) {
    long id = m.readLong();
    long seq = m.readLong();
    byte kind = m.readByte();
    long checksum = m.readLong();
    byte[] payload = Wire.readBytes(m);
    Sub s = subs.get(id);
    if (s == null) {
      return; // closed meanwhile
    }
    ProxyMessage msg;
    try {
      switch (kind) {
        case Wire.PUSH_DIFF:
          msg =
              new ProxyMessage(
                  id, seq, ProxyMessage.Kind.DIFF, (Diff) codec.decode(payload), null, checksum);
          break;
        case Wire.PUSH_RESYNC:
          msg =
              new ProxyMessage(
                  id, seq, ProxyMessage.Kind.RESYNC, null, codec.decode(payload), checksum);
          break;
        case Wire.PUSH_TERMINATED:
          msg = new ProxyMessage(id, seq, ProxyMessage.Kind.TERMINATED, null, null, 0);
          break;
        default:
          throw new IllegalArgumentException("unknown push kind " + kind);
      }
    } catch (RuntimeException e) {
      // a push this client cannot read (a class it lacks): ask for the whole value instead
      LOG.warn("proxy {}: cannot read a push ({}); resyncing", id, e.toString());
      s.target.resync(id);
      return;
    }
    s.sink.accept(msg);
  }

  /** On a client thread after the connection dropped: subscribe every open proxy again. */
  private void subscribeAllAgain() {
    for (Map.Entry<Long, Sub> e : subs.entrySet()) {
      long id = e.getKey();
      Sub s = e.getValue();
      s.target
          .send(id)
          .whenComplete(
              (r, ex) -> {
                if (ex != null) {
                  LOG.debug("proxy {}: subscribing again failed ({}); heartbeat retries", id, ex);
                }
              });
    }
  }

  private CompletableFuture<Boolean> heartbeat(long id) {
    CompletableFuture<Boolean> f = new CompletableFuture<>();
    boolean first;
    synchronized (beatLock) {
      first = beatIds.isEmpty();
      beatIds.add(id);
      beatAnswers.add(f);
    }
    if (first) {
      CompletableFuture.delayedExecutor(HEARTBEAT_BATCH_MILLIS, TimeUnit.MILLISECONDS)
          .execute(this::sendHeartbeats);
    }
    return f;
  }

  private void sendHeartbeats() {
    List<Long> ids;
    List<CompletableFuture<Boolean>> answers;
    synchronized (beatLock) {
      ids = beatIds;
      answers = beatAnswers;
      beatIds = new ArrayList<>();
      beatAnswers = new ArrayList<>();
    }
    if (ids.isEmpty()) {
      return;
    }
    client
        .call(
            Wire.PROXY_HEARTBEATS,
            b -> {
              b.writeInt(ids.size());
              for (long id : ids) {
                b.writeLong(id);
              }
            },
            timeoutMillis)
        .whenComplete(
            (r, e) -> {
              byte[] alive = e == null ? (byte[]) codec.decode(r) : null;
              for (int i = 0; i < answers.size(); i++) {
                if (alive == null || alive.length != ids.size()) {
                  answers
                      .get(i)
                      .completeExceptionally(
                          e != null ? e : new IllegalStateException("malformed heartbeat answer"));
                } else {
                  answers.get(i).complete(alive[i] != 0);
                }
              }
            });
  }

  @Override
  public synchronized void close() {
    subs.clear();
    if (proxies != null) {
      proxies.close();
    }
  }

  /** The server side of one proxy, as requests on the shared connection. */
  private final class Target implements ProxyTarget {
    private final String module;
    private final String pstate;
    private final boolean keyGiven;
    private final byte[] key;
    private final byte[] path;

    Target(String module, String pstate, boolean keyGiven, byte[] key, byte[] path) {
      this.module = module;
      this.pstate = pstate;
      this.keyGiven = keyGiven;
      this.key = key;
      this.path = path;
    }

    CompletableFuture<byte[]> send(long id) {
      return client.call(
          Wire.PROXY_SUBSCRIBE,
          b -> {
            b.writeLong(id);
            Wire.writeString(b, module);
            Wire.writeString(b, pstate);
            b.writeByte(keyGiven ? 1 : 0);
            Wire.writeBytes(b, key);
            Wire.writeBytes(b, path);
          },
          timeoutMillis);
    }

    @Override
    public CompletableFuture<Object> subscribe(long id, ProxySink sink) {
      // registered before the request leaves: the first push may come before the answer
      Sub s = new Sub(this, sink);
      subs.put(id, s);
      return send(id)
          .handle(
              (r, e) -> {
                if (e != null) {
                  subs.remove(id, s);
                  throw e instanceof RuntimeException
                      ? (RuntimeException) e
                      : new IllegalStateException(e);
                }
                return codec.decode(r);
              });
    }

    @Override
    public void resync(long id) {
      fireAndForget(Wire.PROXY_RESYNC, id);
    }

    @Override
    public CompletableFuture<Boolean> heartbeat(long id) {
      return NetProxies.this.heartbeat(id);
    }

    @Override
    public void unsubscribe(long id) {
      if (subs.remove(id) != null) {
        fireAndForget(Wire.PROXY_UNSUBSCRIBE, id);
      }
    }

    private void fireAndForget(byte op, long id) {
      client
          .call(op, b -> b.writeLong(id), timeoutMillis)
          .whenComplete(
              (r, e) -> {
                if (e != null) {
                  LOG.debug("proxy {}: request {} failed: {}", id, op, e.toString());
                }
              });
    }
  }
}
