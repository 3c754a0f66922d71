package dev.deimos.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.deimos.DeimosClusterManager;
import dev.deimos.impl.net.Wire;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The handshake and malformed input, against a server in this JVM. */
class ProtocolTest {
  @TempDir java.nio.file.Path tmp;
  DeimosServer server;

  @BeforeEach
  void start() {
    server = DeimosServer.start(new ServerConfig(tmp, "127.0.0.1", 0, "tok", List.of()));
  }

  @AfterEach
  void stop() {
    server.close();
  }

  private static byte[] hello(int magic, int protocol, String token) {
    java.io.ByteArrayOutputStream b = new java.io.ByteArrayOutputStream();
    try (DataOutputStream o = new DataOutputStream(b)) {
      byte[] v = "9.9.9".getBytes(StandardCharsets.UTF_8);
      byte[] t = token.getBytes(StandardCharsets.UTF_8);
      o.writeInt(1 + 4 + 4 + 4 + 4 + v.length + 4 + t.length);
      o.writeByte(Wire.HELLO);
      o.writeInt(7);
      o.writeInt(magic);
      o.writeInt(protocol);
      o.writeInt(v.length);
      o.write(v);
      o.writeInt(t.length);
      o.write(t);
    } catch (IOException e) {
      throw new AssertionError(e);
    }
    return b.toByteArray();
  }

  /** Sends bytes and returns the error message of the answer, or null if the server closed. */
  private String exchange(byte[] bytes) throws IOException {
    try (Socket s = new Socket("127.0.0.1", server.port())) {
      s.setSoTimeout(5000);
      s.getOutputStream().write(bytes);
      s.getOutputStream().flush();
      DataInputStream in = new DataInputStream(s.getInputStream());
      int len;
      try {
        len = in.readInt();
      } catch (java.io.EOFException e) {
        return null;
      }
      byte op = in.readByte();
      in.readInt();
      assertThat(op).isEqualTo(Wire.ERROR);
      assertThat(in.readByte()).isEqualTo(Wire.E_REFUSED);
      byte[] m = new byte[in.readInt()];
      in.readFully(m);
      assertThat(len).isPositive();
      assertThat(in.read()).as("closed after the refusal").isEqualTo(-1);
      return new String(m, StandardCharsets.UTF_8);
    }
  }

  private boolean closedBy(byte[] bytes) throws IOException {
    try (Socket s = new Socket("127.0.0.1", server.port())) {
      s.setSoTimeout(1000);
      try {
        s.getOutputStream().write(bytes);
        s.getOutputStream().flush();
      } catch (IOException e) {
        return true; // reset while writing: closed
      }
      InputStream in = s.getInputStream();
      try {
        return in.read() == -1;
      } catch (java.net.SocketTimeoutException e) {
        return false;
      } catch (IOException e) {
        return true;
      }
    }
  }

  @Test
  void refusesAnotherProtocolVersionWithAClearError() throws IOException {
    String m = exchange(hello(Wire.MAGIC, Wire.PROTOCOL_VERSION + 1, "tok"));
    assertThat(m)
        .contains("protocol " + (Wire.PROTOCOL_VERSION + 1))
        .contains("9.9.9")
        .contains(Wire.VERSION);
  }

  @Test
  void refusesAWrongOrMissingTokenWithoutRevealingIt() throws Exception {
    assertThat(exchange(hello(Wire.MAGIC, Wire.PROTOCOL_VERSION, "nope")))
        .isEqualTo("authentication failed");
    assertThat(exchange(hello(Wire.MAGIC, Wire.PROTOCOL_VERSION, "")))
        .isEqualTo("authentication failed");
    try (DeimosClusterManager m =
        DeimosClusterManager.open(Map.of("conductor.port", server.port()))) {
      assertThatThrownBy(m::getDeployedModuleNames)
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("authentication failed")
          .hasMessageNotContaining("tok");
    }
  }

  @Test
  void survivesRandomTruncatedAndOversizedFrames() throws Exception {
    Random rnd = new Random(42);
    for (int i = 0; i < 30; i++) {
      byte[] junk = new byte[1 + rnd.nextInt(200)];
      rnd.nextBytes(junk);
      closedBy(junk); // the server may wait for more bytes or close; it must not fall over
    }
    // a frame claiming more than the maximum is refused by closing the connection
    assertThat(closedBy(new byte[] {0x7f, (byte) 0xff, (byte) 0xff, (byte) 0xff, 1, 2, 3}))
        .isTrue();
    // a frame whose fields overrun it
    assertThat(closedBy(new byte[] {0, 0, 0, 9, Wire.HELLO, 0, 0, 0, 1, 0x44, 0x45, 0x49, 0x4d}))
        .isTrue();
    // not a Deimos hello: closed without an answer
    assertThat(exchange(hello(0x12345678, Wire.PROTOCOL_VERSION, "tok"))).isNull();
    // an authenticated client sending a garbage request gets an error and keeps its connection
    try (DeimosClusterManager m =
        DeimosClusterManager.open(Map.of("conductor.port", server.port(), "auth.token", "tok"))) {
      assertThat(m.getDeployedModuleNames()).isEmpty();
      assertThatThrownBy(() -> m.clusterDepot("NoModule", "*d"))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("NoModule");
      assertThat(m.getDeployedModuleNames()).isEmpty();
    }
  }
}
