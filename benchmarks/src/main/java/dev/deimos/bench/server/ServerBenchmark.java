package dev.deimos.bench.server;

import dev.deimos.AckLevel;
import dev.deimos.DeimosClusterManager;
import dev.deimos.Depot;
import dev.deimos.PState;
import dev.deimos.Path;
import dev.deimos.examples.WordCountModule;
import dev.deimos.server.DeimosServer;
import dev.deimos.server.ServerConfig;
import io.netty.bootstrap.Bootstrap;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.handler.codec.LengthFieldBasedFrameDecoder;
import java.io.OutputStream;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;

/**
 * The server over loopback, beside a plain Netty echo measured in the same run as the floor: one
 * client's append round trip (APPEND_ACK) and PState select round trip (p50, p99), pipelined
 * appends/s against pipelined echoes/s, and server start to serving with the five example modules
 * deployed. Warm-up rounds first, then several measured runs; medians of the runs are printed.
 *
 * <p>A plain main class ({@code mvn verify} never runs it): {@code benchmarks/run-server.sh [--runs
 * R] [--warmup W] [--ops N]}.
 */
public final class ServerBenchmark {
  private ServerBenchmark() {}

  /** Frame bytes of an echo: about an append request of a short sentence. */
  private static final int ECHO_BODY = 64;

  private static final int WINDOW = 512;

  public static void main(String[] args) throws Exception {
    int runs = 3;
    int warmup = 1;
    int ops = 5_000;
    for (int i = 0; i + 1 < args.length; i += 2) {
      switch (args[i]) {
        case "--runs" -> runs = Integer.parseInt(args[i + 1]);
        case "--warmup" -> warmup = Integer.parseInt(args[i + 1]);
        case "--ops" -> ops = Integer.parseInt(args[i + 1]);
        default -> throw new IllegalArgumentException("unknown option " + args[i]);
      }
    }
    java.nio.file.Path dir = Files.createTempDirectory("deimos-bench-server");
    java.nio.file.Path jar = examplesJar(dir.resolve("examples.jar"));
    List<double[]> results = new ArrayList<>();
    try (Echo echo = new Echo()) {
      for (int r = 0; r < warmup + runs; r++) {
        double[] x = oneRun(dir.resolve("run" + r), jar, echo, ops);
        if (r >= warmup) {
          results.add(x);
        }
        System.out.printf(
            Locale.ROOT, "%s %d: %s%n", r < warmup ? "warm-up" : "run", r, Arrays.toString(x));
      }
    }
    String[] names = {
      "echo round trip p50 us",
      "echo round trip p99 us",
      "append round trip p50 us (APPEND_ACK)",
      "append round trip p99 us (APPEND_ACK)",
      "select round trip p50 us",
      "select round trip p99 us",
      "echo pipelined msgs/s",
      "appends pipelined /s (APPEND_ACK)",
      "start to serving, 5 modules, ms"
    };
    double[] med = new double[names.length];
    for (int i = 0; i < names.length; i++) {
      double[] col = new double[results.size()];
      for (int r = 0; r < col.length; r++) {
        col[r] = results.get(r)[i];
      }
      Arrays.sort(col);
      med[i] = col[col.length / 2];
      System.out.printf(Locale.ROOT, "%-42s %12.1f%n", names[i], med[i]);
    }
    System.out.printf(
        Locale.ROOT,
        "ratios (same run): append p50 / echo p50 = %.2f, select p50 / echo p50 = %.2f,"
            + " pipelined appends / pipelined echoes = %.2f%n",
        med[2] / med[0],
        med[4] / med[0],
        med[7] / med[6]);
  }

  private static double[] oneRun(
      java.nio.file.Path data, java.nio.file.Path jar, Echo echo, int ops) throws Exception {
    ServerConfig cfg = new ServerConfig(data, "127.0.0.1", 0, null, List.of());
    DeimosServer s = DeimosServer.start(cfg);
    for (String m :
        List.of(
            "dev.deimos.examples.WordCountModule",
            "dev.deimos.examples.UserRegistrationModule",
            "dev.deimos.examples.BankTransferModule",
            "dev.deimos.examples.TopSpendersModule",
            "dev.deimos.examples.RenderLatencyModule")) {
      s.launchIfAbsent(jar, m, 4, 2);
    }
    double[] r = new double[9];
    try (DeimosClusterManager m = DeimosClusterManager.open(Map.of("conductor.port", s.port()))) {
      String wc = WordCountModule.class.getName();
      Depot d = m.clusterDepot(wc, "*sentences");
      PState counts = m.clusterPState(wc, "$$wordCounts");
      d.append("the quick brown fox");
      long[] echoRtt = new long[ops];
      long[] appendRtt = new long[ops];
      long[] selectRtt = new long[ops];
      for (int i = 0; i < ops; i++) {
        long t0 = System.nanoTime();
        echo.roundTrip();
        echoRtt[i] = System.nanoTime() - t0;
      }
      for (int i = 0; i < ops; i++) {
        long t0 = System.nanoTime();
        d.append("sentence number " + (i & 1023), AckLevel.APPEND_ACK);
        appendRtt[i] = System.nanoTime() - t0;
      }
      Path fox = Path.key("fox");
      for (int i = 0; i < ops; i++) {
        long t0 = System.nanoTime();
        counts.selectOne(fox);
        selectRtt[i] = System.nanoTime() - t0;
      }
      r[0] = pct(echoRtt, 50);
      r[1] = pct(echoRtt, 99);
      r[2] = pct(appendRtt, 50);
      r[3] = pct(appendRtt, 99);
      r[4] = pct(selectRtt, 50);
      r[5] = pct(selectRtt, 99);
      int n = ops * 10;
      r[6] = echo.pipelined(n);
      Semaphore window = new Semaphore(WINDOW);
      long t0 = System.nanoTime();
      CompletableFuture<?> last = null;
      for (int i = 0; i < n; i++) {
        window.acquire();
        last = d.appendAsync("word" + (i & 4095), AckLevel.APPEND_ACK);
        last.whenComplete((x, e) -> window.release());
      }
      window.acquire(WINDOW);
      r[7] = n / ((System.nanoTime() - t0) / 1e9);
      last.get(30, TimeUnit.SECONDS);
    }
    s.close();
    // start to serving: a new server on the same data directory relaunches the five modules
    long t0 = System.nanoTime();
    DeimosServer again = DeimosServer.start(cfg);
    try (DeimosClusterManager m =
        DeimosClusterManager.open(Map.of("conductor.port", again.port()))) {
      if (m.getDeployedModuleNames().size() != 5) {
        throw new IllegalStateException("expected 5 modules, got " + m.getDeployedModuleNames());
      }
      r[8] = (System.nanoTime() - t0) / 1e6;
    } finally {
      again.close();
    }
    return r;
  }

  private static double pct(long[] nanos, int p) {
    long[] c = nanos.clone();
    Arrays.sort(c);
    return c[Math.min(c.length - 1, (int) ((long) c.length * p / 100))] / 1000.0;
  }

  /** The examples as a module jar (a directory on the class path when run from the IDE). */
  public static java.nio.file.Path examplesJar(java.nio.file.Path out) throws Exception {
    java.nio.file.Path p =
        java.nio.file.Path.of(
            WordCountModule.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    if (!Files.isDirectory(p)) {
      return p;
    }
    try (OutputStream o = Files.newOutputStream(out);
        JarOutputStream j = new JarOutputStream(o);
        Stream<java.nio.file.Path> files = Files.walk(p)) {
      for (java.nio.file.Path f : files.filter(Files::isRegularFile).toList()) {
        j.putNextEntry(new JarEntry(p.relativize(f).toString().replace('\\', '/')));
        j.write(Files.readAllBytes(f));
        j.closeEntry();
      }
    }
    return out;
  }

  /** A length-prefixed echo server and one client connection over loopback. */
  private static final class Echo implements AutoCloseable {
    private final EventLoopGroup serverGroup = new NioEventLoopGroup(1);
    private final EventLoopGroup clientGroup = new NioEventLoopGroup(1);
    private final Channel server;
    private final Channel client;
    private volatile CompletableFuture<Void> waiting;
    private volatile Semaphore window;

    Echo() throws InterruptedException {
      server =
          new ServerBootstrap()
              .group(serverGroup)
              .channel(NioServerSocketChannel.class)
              .childOption(ChannelOption.TCP_NODELAY, true)
              .childHandler(
                  new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel ch) {
                      ch.pipeline()
                          .addLast(new LengthFieldBasedFrameDecoder(1 << 20, 0, 4, 0, 0))
                          .addLast(
                              new SimpleChannelInboundHandler<ByteBuf>() {
                                @Override
                                protected void channelRead0(ChannelHandlerContext ctx, ByteBuf m) {
                                  ctx.write(m.retain());
                                }

                                @Override
                                public void channelReadComplete(ChannelHandlerContext ctx) {
                                  ctx.flush();
                                }
                              });
                    }
                  })
              .bind("127.0.0.1", 0)
              .sync()
              .channel();
      client =
          new Bootstrap()
              .group(clientGroup)
              .channel(NioSocketChannel.class)
              .option(ChannelOption.TCP_NODELAY, true)
              .handler(
                  new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel ch) {
                      ch.pipeline()
                          .addLast(new LengthFieldBasedFrameDecoder(1 << 20, 0, 4, 0, 0))
                          .addLast(
                              new SimpleChannelInboundHandler<ByteBuf>() {
                                @Override
                                protected void channelRead0(ChannelHandlerContext ctx, ByteBuf m) {
                                  Semaphore w = window;
                                  if (w != null) {
                                    w.release();
                                  } else {
                                    waiting.complete(null);
                                  }
                                }
                              });
                    }
                  })
              .connect(server.localAddress())
              .sync()
              .channel();
    }

    private ByteBuf frame() {
      ByteBuf b = client.alloc().buffer(4 + ECHO_BODY);
      b.writeInt(ECHO_BODY);
      b.writeZero(ECHO_BODY);
      return b;
    }

    void roundTrip() throws Exception {
      CompletableFuture<Void> f = new CompletableFuture<>();
      waiting = f;
      client.writeAndFlush(frame());
      f.get(10, TimeUnit.SECONDS);
    }

    /** Echoes with at most {@link #WINDOW} in flight, like the client's appends; msgs/s. */
    double pipelined(int n) throws InterruptedException {
      Semaphore w = new Semaphore(WINDOW);
      window = w;
      long t0 = System.nanoTime();
      for (int i = 0; i < n; i++) {
        w.acquire();
        client.writeAndFlush(frame());
      }
      w.acquire(WINDOW);
      double rate = n / ((System.nanoTime() - t0) / 1e9);
      w.release(WINDOW);
      window = null;
      return rate;
    }

    @Override
    public void close() {
      client.close().awaitUninterruptibly();
      server.close().awaitUninterruptibly();
      clientGroup.shutdownGracefully(0, 1, TimeUnit.SECONDS);
      serverGroup.shutdownGracefully(0, 1, TimeUnit.SECONDS);
    }
  }
}
