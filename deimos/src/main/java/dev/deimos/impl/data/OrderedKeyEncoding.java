package dev.deimos.impl.data;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

/**
 * Order-preserving byte encoding of keys: comparing two encodings as unsigned bytes gives the same
 * answer as comparing the keys.
 *
 * <p>Every encoding starts with a type tag, so keys of different types order by tag: null, Boolean,
 * Byte, Short, Integer, Long, Float, Double, String, UUID, byte[], List, then any other type.
 * Within one type the order is the type's {@code compareTo}; byte arrays order as unsigned
 * lexicographic bytes ({@link Arrays#compareUnsigned(byte[], byte[])}); Lists order element by
 * element, a proper prefix first. Any other key must be {@link Serializable}: it is encoded as its
 * Java-serialized bytes, and such keys order by those bytes (stable, but not meaningful).
 *
 * <p>Encodings are prefix-free: no encoding is a proper prefix of another, so a key followed by
 * more bytes still sorts right and a range bound never matches a longer key by accident.
 */
public final class OrderedKeyEncoding {
  static final byte T_NULL = 0x10;
  static final byte T_FALSE = 0x11;
  static final byte T_TRUE = 0x12;
  static final byte T_BYTE = 0x20;
  static final byte T_SHORT = 0x21;
  static final byte T_INT = 0x22;
  static final byte T_LONG = 0x23;
  static final byte T_FLOAT = 0x30;
  static final byte T_DOUBLE = 0x31;
  static final byte T_STRING = 0x40;
  static final byte T_UUID = 0x50;
  static final byte T_BYTES = 0x60;
  static final byte T_LIST = 0x70;
  static final byte T_OTHER = 0x7F;

  /** Orders keys exactly as their encodings order: the comparator of every sorted PState view. */
  public static final Comparator<Object> KEY_ORDER = OrderedKeyEncoding::compareKeys;

  private OrderedKeyEncoding() {}

  /**
   * Encodes one key.
   *
   * @param key the key (may be null)
   * @return its order-preserving encoding
   * @throws IllegalArgumentException if the key is of an unsupported type and not Serializable
   */
  public static byte[] encode(Object key) {
    Out out = new Out(16);
    write(out, key);
    return out.toArray();
  }

  /**
   * Appends the encoding of {@code key} to a prefix.
   *
   * @param prefix bytes to put first
   * @param key the key
   * @return prefix followed by the key's encoding
   */
  public static byte[] encodeWithPrefix(byte[] prefix, Object key) {
    Out out = new Out(prefix.length + 16);
    out.write(prefix, 0, prefix.length);
    write(out, key);
    return out.toArray();
  }

  /**
   * Decodes one key that fills the whole array.
   *
   * @param bytes an encoding made by {@link #encode(Object)}
   * @return the key
   */
  public static Object decode(byte[] bytes) {
    return decode(bytes, 0);
  }

  /**
   * Decodes one key starting at {@code offset}.
   *
   * @param bytes the array
   * @param offset where the encoding starts
   * @return the key
   */
  public static Object decode(byte[] bytes, int offset) {
    int[] pos = {offset};
    return read(bytes, pos);
  }

  /**
   * Compares two keys in encoding order without encoding them when both are of one common type.
   *
   * @param a a key
   * @param b another key
   * @return negative, zero or positive
   */
  @SuppressWarnings("unchecked")
  public static int compareKeys(Object a, Object b) {
    if (a != null && b != null && a.getClass() == b.getClass()) {
      if (a instanceof String
          || a instanceof Long
          || a instanceof Integer
          || a instanceof Short
          || a instanceof Byte
          || a instanceof Boolean
          || a instanceof Double
          || a instanceof Float
          || a instanceof UUID) {
        return ((Comparable<Object>) a).compareTo(b);
      }
    }
    return Arrays.compareUnsigned(encode(a), encode(b));
  }

  private static void write(Out out, Object k) {
    if (k == null) {
      out.write(T_NULL);
    } else if (k instanceof String) {
      out.write(T_STRING);
      writeString(out, (String) k);
    } else if (k instanceof Long) {
      out.write(T_LONG);
      out.writeLong((Long) k ^ Long.MIN_VALUE);
    } else if (k instanceof Integer) {
      out.write(T_INT);
      int v = (Integer) k ^ Integer.MIN_VALUE;
      out.writeInt(v);
    } else if (k instanceof Short) {
      out.write(T_SHORT);
      int v = ((Short) k) ^ 0x8000;
      out.write((byte) (v >>> 8));
      out.write((byte) v);
    } else if (k instanceof Byte) {
      out.write(T_BYTE);
      out.write((byte) ((Byte) k ^ 0x80));
    } else if (k instanceof Boolean) {
      out.write((Boolean) k ? T_TRUE : T_FALSE);
    } else if (k instanceof Double) {
      out.write(T_DOUBLE);
      long bits = Double.doubleToLongBits((Double) k);
      out.writeLong(bits < 0 ? ~bits : bits ^ Long.MIN_VALUE);
    } else if (k instanceof Float) {
      out.write(T_FLOAT);
      int bits = Float.floatToIntBits((Float) k);
      out.writeInt(bits < 0 ? ~bits : bits ^ Integer.MIN_VALUE);
    } else if (k instanceof UUID) {
      out.write(T_UUID);
      UUID u = (UUID) k;
      out.writeLong(u.getMostSignificantBits() ^ Long.MIN_VALUE);
      out.writeLong(u.getLeastSignificantBits() ^ Long.MIN_VALUE);
    } else if (k instanceof byte[]) {
      out.write(T_BYTES);
      writeEscaped(out, (byte[]) k);
    } else if (k instanceof List) {
      out.write(T_LIST);
      for (Object e : (List<?>) k) {
        write(out, e);
      }
      out.write((byte) 0);
    } else if (k instanceof Serializable) {
      out.write(T_OTHER);
      writeEscaped(out, javaSerialize(k));
    } else {
      throw new IllegalArgumentException(
          "Cannot use a " + k.getClass().getName() + " as a key: it is not Serializable");
    }
  }

  // Chars below 0x80 take one byte (c + 1); up to 0x3FFF two bytes; the rest three. The first
  // byte tells the length and its ranges are ordered, so byte order equals UTF-16 char order,
  // which is String.compareTo order. 0x00 ends the string and is never a first byte.
  private static void writeString(Out out, String s) {
    for (int i = 0, n = s.length(); i < n; i++) {
      char c = s.charAt(i);
      if (c < 0x80) {
        out.write((byte) (c + 1));
      } else if (c < 0x4000) {
        out.write((byte) (0x81 + (c >>> 8)));
        out.write((byte) c);
      } else {
        out.write((byte) 0xC1);
        out.write((byte) (c >>> 8));
        out.write((byte) c);
      }
    }
    out.write((byte) 0);
  }

  // 0x00 becomes 0x00 0xFF; the end is 0x00 0x00, which sorts before any continuation.
  private static void writeEscaped(Out out, byte[] b) {
    for (byte x : b) {
      out.write(x);
      if (x == 0) {
        out.write((byte) 0xFF);
      }
    }
    out.write((byte) 0);
    out.write((byte) 0);
  }

  private static Object read(byte[] b, int[] pos) {
    byte tag = b[pos[0]++];
    switch (tag) {
      case T_NULL:
        return null;
      case T_FALSE:
        return Boolean.FALSE;
      case T_TRUE:
        return Boolean.TRUE;
      case T_STRING:
        return readString(b, pos);
      case T_LONG:
        return readLong(b, pos) ^ Long.MIN_VALUE;
      case T_INT:
        return readInt(b, pos) ^ Integer.MIN_VALUE;
      case T_SHORT:
        {
          int v = ((b[pos[0]] & 0xFF) << 8) | (b[pos[0] + 1] & 0xFF);
          pos[0] += 2;
          return (short) (v ^ 0x8000);
        }
      case T_BYTE:
        return (byte) (b[pos[0]++] ^ 0x80);
      case T_DOUBLE:
        {
          long v = readLong(b, pos);
          return Double.longBitsToDouble(v < 0 ? v ^ Long.MIN_VALUE : ~v);
        }
      case T_FLOAT:
        {
          int v = readInt(b, pos);
          return Float.intBitsToFloat(v < 0 ? v ^ Integer.MIN_VALUE : ~v);
        }
      case T_UUID:
        {
          long msb = readLong(b, pos) ^ Long.MIN_VALUE;
          long lsb = readLong(b, pos) ^ Long.MIN_VALUE;
          return new UUID(msb, lsb);
        }
      case T_BYTES:
        return readEscaped(b, pos);
      case T_LIST:
        {
          List<Object> l = new ArrayList<>();
          while (b[pos[0]] != 0) {
            l.add(read(b, pos));
          }
          pos[0]++;
          return l;
        }
      case T_OTHER:
        return javaDeserialize(readEscaped(b, pos));
      default:
        throw new IllegalArgumentException("Corrupt key encoding: unknown type tag " + tag);
    }
  }

  private static String readString(byte[] b, int[] pos) {
    StringBuilder sb = new StringBuilder();
    int p = pos[0];
    while (true) {
      int x = b[p++] & 0xFF;
      if (x == 0) {
        break;
      } else if (x <= 0x80) {
        sb.append((char) (x - 1));
      } else if (x <= 0xC0) {
        sb.append((char) (((x - 0x81) << 8) | (b[p++] & 0xFF)));
      } else {
        sb.append((char) (((b[p] & 0xFF) << 8) | (b[p + 1] & 0xFF)));
        p += 2;
      }
    }
    pos[0] = p;
    return sb.toString();
  }

  private static byte[] readEscaped(byte[] b, int[] pos) {
    Out out = new Out(16);
    int p = pos[0];
    while (true) {
      byte x = b[p++];
      if (x == 0) {
        if (b[p++] == 0) {
          break;
        }
        out.write((byte) 0);
      } else {
        out.write(x);
      }
    }
    pos[0] = p;
    return out.toArray();
  }

  private static long readLong(byte[] b, int[] pos) {
    long v = 0;
    for (int i = 0; i < 8; i++) {
      v = (v << 8) | (b[pos[0] + i] & 0xFF);
    }
    pos[0] += 8;
    return v;
  }

  private static int readInt(byte[] b, int[] pos) {
    int v = 0;
    for (int i = 0; i < 4; i++) {
      v = (v << 8) | (b[pos[0] + i] & 0xFF);
    }
    pos[0] += 4;
    return v;
  }

  private static byte[] javaSerialize(Object o) {
    try {
      ByteArrayOutputStream bos = new ByteArrayOutputStream();
      try (ObjectOutputStream oos = new ObjectOutputStream(bos)) {
        oos.writeObject(o);
      }
      return bos.toByteArray();
    } catch (IOException e) {
      throw new IllegalArgumentException(
          "Cannot encode key of type " + o.getClass().getName() + ": " + e.getMessage(), e);
    }
  }

  private static Object javaDeserialize(byte[] b) {
    try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(b))) {
      return in.readObject();
    } catch (IOException | ClassNotFoundException e) {
      throw new IllegalArgumentException("Cannot decode a Java-serialized key: " + e, e);
    }
  }

  /** A growable byte buffer without synchronization (ByteArrayOutputStream's is synchronized). */
  static final class Out {
    private byte[] buf;
    private int len;

    Out(int cap) {
      buf = new byte[Math.max(cap, 8)];
    }

    void write(byte b) {
      if (len == buf.length) {
        buf = Arrays.copyOf(buf, buf.length * 2);
      }
      buf[len++] = b;
    }

    void write(byte[] b, int off, int n) {
      if (len + n > buf.length) {
        buf = Arrays.copyOf(buf, Math.max(buf.length * 2, len + n));
      }
      System.arraycopy(b, off, buf, len, n);
      len += n;
    }

    void writeLong(long v) {
      for (int i = 56; i >= 0; i -= 8) {
        write((byte) (v >>> i));
      }
    }

    void writeInt(int v) {
      for (int i = 24; i >= 0; i -= 8) {
        write((byte) (v >>> i));
      }
    }

    byte[] toArray() {
      return Arrays.copyOf(buf, len);
    }
  }
}
