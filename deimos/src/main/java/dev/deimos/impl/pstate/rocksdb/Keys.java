package dev.deimos.impl.pstate.rocksdb;

import dev.deimos.impl.data.OrderedKeyEncoding;
import java.util.Arrays;

/**
 * Row key layout of one partition.
 *
 * <ul>
 *   <li>{@code [0x10 + depth][enc(k1)]...[enc(kd)][enc(e)]}: element {@code e} of the indexed
 *       structure reached through outer keys {@code k1..kd} (depth 0 is the top-level map or set).
 *       The structure's <i>prefix</i> is everything before {@code enc(e)}. Encodings are
 *       prefix-free, so each structure is one contiguous key range and its rows sort in key order.
 *   <li>{@code [0x0F][prefix]}: the size counter of that structure (8 bytes, big-endian).
 *   <li>{@code [0x01]}: the value of a PState whose schema is a Class.
 *   <li>{@code [0x00]["migration:"][id]}: a finished background migration.
 * </ul>
 *
 * An element whose value is itself an indexed structure holds {@link #MARKER}; its elements live
 * under the child prefix {@code [0x10 + depth + 1][enc(k1)]...[enc(kd)][enc(e)]}, so all nested
 * rows of an element at one depth are one contiguous range too.
 */
final class Keys {
  private Keys() {}

  static final byte[] MARKER = {(byte) 0xEE, 'S', 'I'};
  static final byte[] EMPTY = new byte[0];
  static final byte[] CLASS_ROW = {0x01};
  static final int MAX_DEPTH = 0x1F;

  static byte[] rootPrefix() {
    return new byte[] {0x10};
  }

  static byte[] element(byte[] prefix, Object key) {
    return OrderedKeyEncoding.encodeWithPrefix(prefix, key);
  }

  /** Prefix of the structure stored under element {@code key} of the structure at prefix. */
  static byte[] child(byte[] prefix, Object key) {
    byte[] out = OrderedKeyEncoding.encodeWithPrefix(prefix, key);
    out[0]++;
    return out;
  }

  /** Prefix of the structure {@code levels} below, with the same outer keys. */
  static byte[] deeper(byte[] childPrefix, int levels) {
    byte[] out = childPrefix.clone();
    out[0] += (byte) levels;
    return out;
  }

  static byte[] size(byte[] prefix) {
    byte[] out = new byte[prefix.length + 1];
    out[0] = 0x0F;
    System.arraycopy(prefix, 0, out, 1, prefix.length);
    return out;
  }

  /** Smallest key greater than every key starting with {@code prefix}. */
  static byte[] prefixEnd(byte[] prefix) {
    byte[] out = Arrays.copyOf(prefix, prefix.length);
    for (int i = out.length - 1; i >= 0; i--) {
      if (out[i] != (byte) 0xFF) {
        out[i]++;
        return Arrays.copyOf(out, i + 1);
      }
    }
    throw new IllegalArgumentException("no key range ends after an all-0xFF prefix");
  }

  static boolean isMarker(byte[] v) {
    return Arrays.equals(v, MARKER);
  }

  static byte[] longBytes(long v) {
    byte[] b = new byte[8];
    for (int i = 7; i >= 0; i--) {
      b[i] = (byte) v;
      v >>>= 8;
    }
    return b;
  }

  static long readLong(byte[] b) {
    long v = 0;
    for (int i = 0; i < 8; i++) {
      v = (v << 8) | (b[i] & 0xFF);
    }
    return v;
  }

  static byte[] migration(String id) {
    byte[] s = ("migration:" + id).getBytes(java.nio.charset.StandardCharsets.UTF_8);
    byte[] out = new byte[s.length + 1];
    System.arraycopy(s, 0, out, 1, s.length);
    return out;
  }
}
