package dev.deimos.impl.net;

import io.netty.buffer.ByteBuf;
import java.nio.charset.StandardCharsets;

/**
 * The wire protocol between clients (and the CLI) and a Deimos server.
 *
 * <p>Every message is a frame: a 4-byte big-endian length, then the body. A body starts with a
 * 1-byte op and a 4-byte request id chosen by the client; responses carry the id of their request,
 * so a client may pipeline any number of requests on one connection and match answers as they come.
 * Strings are a 4-byte length and UTF-8 bytes; values (records, keys, paths, results) are {@code
 * impl.serial.ValueCodec} bytes with the same custom serializations on both ends.
 *
 * <p>The first request on a connection must be {@link #HELLO}: magic, protocol version, client
 * version and the shared token (empty when none). The server answers {@link #RESULT} with its
 * version, or {@link #ERROR} and closes the connection.
 */
public final class Wire {
  private Wire() {}

  /** First int of a HELLO body: "DEIM". */
  public static final int MAGIC = 0x4445494d;

  /** The protocol version; a server refuses a client with another. */
  public static final int PROTOCOL_VERSION = 1;

  /** The Deimos release this code belongs to, reported in handshakes and errors. */
  public static final String VERSION = "0.1.0";

  /** Largest frame either side accepts (module jars travel in one frame). */
  public static final int MAX_FRAME = 64 << 20;

  /** Handshake: int magic, int protocol, string clientVersion, string token. */
  public static final byte HELLO = 1;

  /** Append: string module, string depot, byte ackLevel ordinal, value record. */
  public static final byte APPEND = 2;

  /** Select: string module, string pstate, byte keyGiven, value key, value path. */
  public static final byte SELECT = 3;

  /** Query invoke: string module, string query, value args (a List). */
  public static final byte QUERY = 4;

  /** Deployed module names. */
  public static final byte MODULES = 5;

  /** Check that an object exists: string module, byte kind ({@code K_*}), string name. */
  public static final byte CHECK = 6;

  /** Microbatch depot info: string module, string topology. */
  public static final byte MB_INFO = 7;

  /** Admin command (CLI): value Map with "command" and its arguments. */
  public static final byte ADMIN = 8;

  /**
   * Proxy subscribe: long subscriptionId, string module, string pstate, byte keyGiven, value key,
   * value path. Answers the initial value; the server then pushes {@link #PROXY_PUSH} frames for
   * the subscription on this connection until it is unsubscribed or the connection closes.
   */
  public static final byte PROXY_SUBSCRIBE = 9;

  /** Proxy resync: long subscriptionId. Answers null; a RESYNC push follows. */
  public static final byte PROXY_RESYNC = 10;

  /** Proxy heartbeat: long subscriptionId. Answers whether this connection still has it. */
  public static final byte PROXY_HEARTBEAT = 11;

  /** Proxy unsubscribe: long subscriptionId. Answers null. */
  public static final byte PROXY_UNSUBSCRIBE = 12;

  /**
   * Heartbeats of several proxies in one request: int n, then n longs (subscription ids). Answers a
   * byte array, 1 where this connection still has the subscription, else 0.
   */
  public static final byte PROXY_HEARTBEATS = 13;

  /**
   * Server push of one proxy message, request id 0: long subscriptionId, long seq, byte kind
   * ({@code PUSH_*}), long checksum, bytes payload (the diff for {@link #PUSH_DIFF}, the value for
   * {@link #PUSH_RESYNC}, empty for {@link #PUSH_TERMINATED}).
   */
  public static final byte PROXY_PUSH = 102;

  /** Push kind: a diff. */
  public static final byte PUSH_DIFF = 0;

  /** Push kind: the whole value. */
  public static final byte PUSH_RESYNC = 1;

  /** Push kind: the server ended the subscription. */
  public static final byte PUSH_TERMINATED = 2;

  /** Success: value result (bytes). */
  public static final byte RESULT = 100;

  /** Failure: byte error kind ({@code E_*}), string message. */
  public static final byte ERROR = 101;

  /** CHECK kind: depot. */
  public static final byte K_DEPOT = 0;

  /** CHECK kind: PState. */
  public static final byte K_PSTATE = 1;

  /** CHECK kind: query topology. */
  public static final byte K_QUERY = 2;

  /** Error kind: the request named something wrong (IllegalArgumentException). */
  public static final byte E_ARGUMENT = 0;

  /** Error kind: the request cannot run in the current state (IllegalStateException). */
  public static final byte E_STATE = 1;

  /** Error kind: any other failure. */
  public static final byte E_OTHER = 2;

  /** Error kind: handshake refused (version or token); the connection is closed after it. */
  public static final byte E_REFUSED = 3;

  /**
   * Writes a string.
   *
   * @param b the buffer
   * @param s the string, never null
   */
  public static void writeString(ByteBuf b, String s) {
    byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
    b.writeInt(bytes.length);
    b.writeBytes(bytes);
  }

  /**
   * Reads a string written by {@link #writeString}.
   *
   * @param b the buffer
   * @return the string
   * @throws IllegalArgumentException if the length does not fit the frame
   */
  public static String readString(ByteBuf b) {
    return new String(readBytes(b), StandardCharsets.UTF_8);
  }

  /**
   * Writes a length-prefixed byte array.
   *
   * @param b the buffer
   * @param bytes the bytes
   */
  public static void writeBytes(ByteBuf b, byte[] bytes) {
    b.writeInt(bytes.length);
    b.writeBytes(bytes);
  }

  /**
   * Reads a length-prefixed byte array.
   *
   * @param b the buffer
   * @return the bytes
   * @throws IllegalArgumentException if the length does not fit the frame
   */
  public static byte[] readBytes(ByteBuf b) {
    int n = b.readInt();
    if (n < 0 || n > b.readableBytes()) {
      throw new IllegalArgumentException(
          "malformed frame: field of " + n + " bytes, " + b.readableBytes() + " left");
    }
    byte[] r = new byte[n];
    b.readBytes(r);
    return r;
  }
}
