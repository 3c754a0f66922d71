package dev.deimos.impl.net;

import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoop;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.handler.codec.LengthFieldBasedFrameDecoder;
import java.io.Closeable;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One client connection to a Deimos server, shared by every handle of a cluster manager.
 *
 * <p>Requests are pipelined: each gets an id, is written without waiting, and its future completes
 * when the answer with that id arrives. Writes from many threads between two event-loop turns go
 * out in one flush (batching). At most {@link #MAX_IN_FLIGHT} requests wait for answers; past that
 * a caller blocks (back-pressure). When the connection drops, waiting requests are retried on a new
 * connection until their timeout, so handles survive module updates and server restarts. Futures
 * complete on a client thread, never on the network thread, so a callback that blocks cannot stall
 * the connection.
 */
public final class NetClient implements Closeable {
  private static final Logger LOG = LoggerFactory.getLogger(NetClient.class);

  /** Requests waiting for answers before callers block. */
  static final int MAX_IN_FLIGHT = 8192;

  private static final long RETRY_PAUSE_MILLIS = 100;

  private final String host;
  private final int port;
  private final String token;
  private final EventLoopGroup group = new NioEventLoopGroup(1, daemon("deimos-client-io"));
  private final ExecutorService callbacks =
      Executors.newFixedThreadPool(2, daemon("deimos-client-callback"));
  private final ScheduledExecutorService timers =
      Executors.newSingleThreadScheduledExecutor(daemon("deimos-client-timer"));
  private final Semaphore inFlight = new Semaphore(MAX_IN_FLIGHT);
  private final AtomicInteger ids = new AtomicInteger();
  private final Object connectLock = new Object();
  private volatile Conn conn;
  private volatile boolean closed;
  // proxy pushes (called on the network thread) and connection losses (on a client thread)
  private volatile Consumer<ByteBuf> pushHandler;
  private volatile Runnable connectionLostHandler;

  /**
   * Creates a client; connects lazily on the first request.
   *
   * @param host server host
   * @param port server port
   * @param token shared secret, or null/empty for none
   */
  public NetClient(String host, int port, String token) {
    this.host = host;
    this.port = port;
    this.token = token == null ? "" : token;
  }

  /**
   * Sets who receives server pushes ({@link Wire#PROXY_PUSH} frames, positioned after op and id).
   * Called on the network thread, so it must not block.
   *
   * @param handler the receiver
   */
  public void onPush(Consumer<ByteBuf> handler) {
    this.pushHandler = handler;
  }

  /**
   * Sets what runs (on a client thread) when an established connection drops, e.g. to make the
   * server-side state of that connection again on the next one.
   *
   * @param handler the action
   */
  public void onConnectionLost(Runnable handler) {
    this.connectionLostHandler = handler;
  }

  /**
   * Where this client connects, for messages.
   *
   * @return host:port
   */
  public String address() {
    return host + ":" + port;
  }

  /**
   * Sends a request and retries it on new connections while the connection fails, until {@code
   * timeoutMillis} has passed.
   *
   * @param op the op ({@link Wire})
   * @param body writes the request body after op and id
   * @param timeoutMillis how long the whole call may take
   * @return the result bytes; fails with IllegalArgumentException / IllegalStateException for the
   *     server's errors, and IllegalStateException naming host and port when the server cannot be
   *     reached in time
   */
  public CompletableFuture<byte[]> call(byte op, Consumer<ByteBuf> body, long timeoutMillis) {
    CompletableFuture<byte[]> result = new CompletableFuture<>();
    try {
      if (!inFlight.tryAcquire(timeoutMillis, TimeUnit.MILLISECONDS)) {
        result.completeExceptionally(
            new IllegalStateException(
                "Deimos server at "
                    + address()
                    + ": too many requests in flight for "
                    + timeoutMillis
                    + " ms"));
        return result;
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      result.completeExceptionally(new IllegalStateException("interrupted", e));
      return result;
    }
    result.whenComplete((r, e) -> inFlight.release());
    long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
    Call call = new Call(op, body, deadline, timeoutMillis, result);
    var timer = timers.schedule(call::timedOut, timeoutMillis, TimeUnit.MILLISECONDS);
    result.whenComplete((r, e) -> timer.cancel(false));
    attempt(call);
    return result;
  }

  /** One request and its retries. */
  private final class Call {
    final byte op;
    final Consumer<ByteBuf> body;
    final long deadline;
    final long timeoutMillis;
    final CompletableFuture<byte[]> result;
    volatile Throwable lastConnectError;

    Call(
        byte op,
        Consumer<ByteBuf> body,
        long deadline,
        long timeoutMillis,
        CompletableFuture<byte[]> result) {
      this.op = op;
      this.body = body;
      this.deadline = deadline;
      this.timeoutMillis = timeoutMillis;
      this.result = result;
    }

    void timedOut() {
      Throwable last = lastConnectError;
      result.completeExceptionally(
          last != null
              ? unreachable(last)
              : new IllegalStateException(
                  new TimeoutException(
                      "request to the Deimos server at "
                          + address()
                          + " timed out after "
                          + timeoutMillis
                          + " ms")));
    }
  }

  private void attempt(Call call) {
    CompletableFuture<byte[]> result = call.result;
    if (result.isDone()) {
      return;
    }
    if (closed) {
      result.completeExceptionally(new IllegalStateException("the cluster manager is closed"));
      return;
    }
    Conn c;
    try {
      c = connection(call.deadline);
    } catch (Refused e) {
      result.completeExceptionally(new IllegalStateException(e.getMessage()));
      return;
    } catch (RuntimeException e) {
      call.lastConnectError = e;
      retryLater(call);
      return;
    }
    call.lastConnectError = null;
    CompletableFuture<byte[]> one = c.send(call.op, call.body, ids.incrementAndGet());
    one.whenComplete(
        (r, e) -> {
          if (e == null) {
            callbacks.execute(() -> result.complete(r));
          } else if (e instanceof ConnectionLost) {
            call.lastConnectError = e;
            retryLater(call);
          } else {
            callbacks.execute(() -> result.completeExceptionally(e));
          }
        });
  }

  private void retryLater(Call call) {
    if (closed || System.nanoTime() - call.deadline > 0) {
      call.timedOut();
      return;
    }
    try {
      timers.schedule(() -> attempt(call), RETRY_PAUSE_MILLIS, TimeUnit.MILLISECONDS);
    } catch (RuntimeException rejected) {
      call.result.completeExceptionally(new IllegalStateException("the cluster manager is closed"));
    }
  }

  private IllegalStateException unreachable(Throwable cause) {
    return new IllegalStateException(
        "cannot reach the Deimos server at "
            + address()
            + (cause == null ? "" : ": " + cause.getMessage()),
        cause);
  }

  private Conn connection(long deadline) {
    Conn c = conn;
    if (c != null && c.ch.isActive()) {
      return c;
    }
    synchronized (connectLock) {
      c = conn;
      if (c != null && c.ch.isActive()) {
        return c;
      }
      long left = Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime()));
      c = open(left);
      conn = c;
      return c;
    }
  }

  private Conn open(long timeoutMillis) {
    Conn c = new Conn();
    Bootstrap b =
        new Bootstrap()
            .group(group)
            .channel(NioSocketChannel.class)
            .option(ChannelOption.TCP_NODELAY, true)
            .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) Math.min(timeoutMillis, 10_000))
            .handler(
                new ChannelInitializer<SocketChannel>() {
                  @Override
                  protected void initChannel(SocketChannel ch) {
                    ch.pipeline()
                        .addLast(new LengthFieldBasedFrameDecoder(Wire.MAX_FRAME, 0, 4, 0, 4))
                        .addLast(c);
                  }
                });
    ChannelFuture f = b.connect(host, port);
    if (!f.awaitUninterruptibly(timeoutMillis) || !f.isSuccess()) {
      f.channel().close();
      Throwable cause = f.cause();
      throw new IllegalStateException(
          cause == null ? "connect timed out" : String.valueOf(cause.getMessage()), cause);
    }
    c.ch = f.channel();
    CompletableFuture<byte[]> hello =
        c.send(
            Wire.HELLO,
            buf -> {
              buf.writeInt(Wire.MAGIC);
              buf.writeInt(Wire.PROTOCOL_VERSION);
              Wire.writeString(buf, Wire.VERSION);
              Wire.writeString(buf, token);
            },
            0);
    try {
      hello.get(timeoutMillis, TimeUnit.MILLISECONDS);
    } catch (java.util.concurrent.ExecutionException e) {
      c.ch.close();
      if (e.getCause() instanceof ConnectionLost) {
        throw new IllegalStateException("connection closed during the handshake");
      }
      throw new Refused(
          "the Deimos server at "
              + address()
              + " refused this client: "
              + e.getCause().getMessage());
    } catch (TimeoutException e) {
      c.ch.close();
      throw new IllegalStateException("no handshake answer in " + timeoutMillis + " ms");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      c.ch.close();
      throw new IllegalStateException("interrupted while connecting");
    }
    LOG.debug("connected to Deimos server at {}", address());
    return c;
  }

  @Override
  public void close() {
    closed = true;
    Conn c = conn;
    if (c != null) {
      c.ch.close();
    }
    group.shutdownGracefully(0, 1, TimeUnit.SECONDS);
    timers.shutdownNow();
    callbacks.shutdown();
  }

  private static java.util.concurrent.ThreadFactory daemon(String name) {
    AtomicInteger n = new AtomicInteger();
    return r -> {
      Thread t = new Thread(r, name + "-" + n.incrementAndGet());
      t.setDaemon(true);
      return t;
    };
  }

  /** The connection dropped before the answer came; the request may be retried. */
  static final class ConnectionLost extends RuntimeException {
    ConnectionLost(String m) {
      super(m, null, false, false);
    }
  }

  /** The server refused the handshake: not retried. */
  static final class Refused extends RuntimeException {
    Refused(String m) {
      super(m);
    }
  }

  /** One channel and the requests waiting on it. */
  private final class Conn extends SimpleChannelInboundHandler<ByteBuf> {
    volatile Channel ch;
    final Map<Integer, CompletableFuture<byte[]>> pending = new ConcurrentHashMap<>();
    boolean flushQueued; // event loop only

    CompletableFuture<byte[]> send(byte op, Consumer<ByteBuf> body, int id) {
      CompletableFuture<byte[]> f = new CompletableFuture<>();
      pending.put(id, f);
      if (!ch.isActive()) {
        pending.remove(id);
        f.completeExceptionally(new ConnectionLost("connection closed"));
        return f;
      }
      ByteBuf buf = ch.alloc().buffer();
      try {
        buf.writeInt(0);
        buf.writeByte(op);
        buf.writeInt(id);
        body.accept(buf);
        buf.setInt(0, buf.readableBytes() - 4);
      } catch (RuntimeException e) {
        buf.release();
        pending.remove(id);
        f.completeExceptionally(e);
        return f;
      }
      // write and flush decision on the event loop, in order (see DeimosServer's Handler.send:
      // deciding on this thread could leave the request unflushed behind an earlier flush)
      EventLoop loop = ch.eventLoop();
      if (loop.inEventLoop()) {
        writeAndScheduleFlush(buf, id);
      } else {
        try {
          loop.execute(() -> writeAndScheduleFlush(buf, id));
        } catch (java.util.concurrent.RejectedExecutionException e) {
          buf.release();
          pending.remove(id);
          f.completeExceptionally(new ConnectionLost("client is closing"));
        }
      }
      return f;
    }

    /** On the event loop: requests written between two turns leave in one flush (batching). */
    private void writeAndScheduleFlush(ByteBuf buf, int id) {
      ch.write(buf)
          .addListener(
              w -> {
                if (!w.isSuccess()) {
                  CompletableFuture<byte[]> p = pending.remove(id);
                  if (p != null) {
                    p.completeExceptionally(new ConnectionLost(String.valueOf(w.cause())));
                  }
                }
              });
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

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, ByteBuf msg) {
      byte op = msg.readByte();
      int id = msg.readInt();
      if (op == Wire.PROXY_PUSH) {
        Consumer<ByteBuf> h = pushHandler;
        if (h != null) {
          try {
            h.accept(msg);
          } catch (RuntimeException e) {
            LOG.warn("dropping a malformed proxy push from {}: {}", address(), e.toString());
          }
        }
        return;
      }
      CompletableFuture<byte[]> f = pending.remove(id);
      if (f == null) {
        return;
      }
      if (op == Wire.RESULT) {
        byte[] r = new byte[msg.readableBytes()];
        msg.readBytes(r);
        f.complete(r);
      } else {
        byte kind = msg.readByte();
        String m = Wire.readString(msg);
        f.completeExceptionally(
            kind == Wire.E_ARGUMENT
                ? new IllegalArgumentException(m)
                : kind == Wire.E_REFUSED ? new Refused(m) : new IllegalStateException(m));
      }
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
      Runnable lost = connectionLostHandler;
      if (lost != null && !closed && ch != null) {
        try {
          callbacks.execute(lost);
        } catch (java.util.concurrent.RejectedExecutionException e) {
          // closing
        }
      }
      for (Integer id : pending.keySet()) {
        CompletableFuture<byte[]> f = pending.remove(id);
        if (f != null) {
          f.completeExceptionally(new ConnectionLost("connection to " + address() + " closed"));
        }
      }
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
      LOG.debug("connection to {} failed: {}", address(), cause.toString());
      ctx.close();
    }
  }
}
