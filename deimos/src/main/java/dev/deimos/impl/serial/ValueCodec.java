package dev.deimos.impl.serial;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.NotSerializableException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;

/**
 * Compact tagged binary format for stored and shipped values.
 *
 * <p>Covers null, the boxed primitives, String, byte[], UUID, and Lists, Maps and Sets (nested
 * freely). {@code ArrayList}, {@code HashMap}, {@code LinkedHashMap}, {@code TreeMap} (natural
 * order), {@code HashSet}, {@code LinkedHashSet} and {@code TreeSet} (natural order) come back as
 * the same class; other Lists come back as ArrayList, other sorted Maps/Sets with natural order as
 * TreeMap/TreeSet, and other Maps/Sets as LinkedHashMap/LinkedHashSet (iteration order kept).
 * Anything else that is {@link Serializable} uses Java serialization; anything else fails with
 * {@link IllegalArgumentException}. An {@link Extension} may claim some objects first (the PState
 * store uses one to write references to subindexed structures).
 *
 * <p>Instances are immutable and thread-safe.
 */
public final class ValueCodec {
  /** Hook for objects the codec should write in a caller-defined way. */
  public interface Extension {
    /**
     * Tells whether this extension writes {@code o}.
     *
     * @param o a value met while encoding
     * @return true to have {@link #write} called for it
     */
    boolean handles(Object o);

    /**
     * Returns the bytes that stand for {@code o}.
     *
     * @param o a value this extension handles
     * @return its bytes
     */
    byte[] write(Object o);

    /**
     * Rebuilds an object from bytes made by {@link #write}.
     *
     * @param bytes the bytes
     * @return the object
     */
    Object read(byte[] bytes);
  }

  private static final byte NULL = 0;
  private static final byte FALSE = 1;
  private static final byte TRUE = 2;
  private static final byte BYTE = 3;
  private static final byte SHORT = 4;
  private static final byte INT = 5;
  private static final byte LONG = 6;
  private static final byte FLOAT = 7;
  private static final byte DOUBLE = 8;
  private static final byte CHAR = 9;
  private static final byte STRING = 10;
  private static final byte BYTES = 11;
  private static final byte UUID_T = 12;
  private static final byte ARRAY_LIST = 20;
  private static final byte HASH_MAP = 21;
  private static final byte LINKED_HASH_MAP = 22;
  private static final byte TREE_MAP = 23;
  private static final byte HASH_SET = 24;
  private static final byte LINKED_HASH_SET = 25;
  private static final byte TREE_SET = 26;
  private static final byte EXT = 30;
  private static final byte JAVA = 31;

  /** A codec without extension. */
  public static final ValueCodec PLAIN = new ValueCodec(null);

  private final Extension ext;

  /**
   * Creates a codec.
   *
   * @param ext extension consulted before the built-in types, or null
   */
  public ValueCodec(Extension ext) {
    this.ext = ext;
  }

  /**
   * Encodes a value.
   *
   * @param v the value
   * @return its bytes
   * @throws IllegalArgumentException if some part of it cannot be serialized
   */
  public byte[] encode(Object v) {
    if (v instanceof String && (ext == null || !ext.handles(v))) {
      // the common depot record: an ASCII string, written straight into an exact-size array
      byte[] ascii = asciiString((String) v);
      if (ascii != null) {
        return ascii;
      }
    }
    Buf out = new Buf();
    write(out, v);
    return out.toArray();
  }

  /**
   * Whether {@code v} is an immutable built-in value (null, a String, a boxed primitive, a UUID)
   * that this codec writes itself: decoding its bytes gives an equal object that no code can tell
   * apart from {@code v} except by identity, so an in-process reader may use {@code v} instead.
   *
   * @param v any value
   * @return true if {@code v} may stand for its decoded copy
   */
  public boolean isImmutableBuiltin(Object v) {
    if (v != null && ext != null && ext.handles(v)) {
      return false;
    }
    return v == null
        || v instanceof String
        || v instanceof Long
        || v instanceof Integer
        || v instanceof Boolean
        || v instanceof Double
        || v instanceof Float
        || v instanceof Short
        || v instanceof Byte
        || v instanceof Character
        || v instanceof UUID;
  }

  /** STRING, the length and one byte per char, or null if some char is not ASCII. */
  private static byte[] asciiString(String str) {
    int n = str.length();
    int lenBytes = 1;
    for (int x = n >>> 7; x != 0; x >>>= 7) {
      lenBytes++;
    }
    byte[] out = new byte[1 + lenBytes + n];
    out[0] = STRING;
    int p = 1;
    long len = n;
    while ((len & ~0x7FL) != 0) {
      out[p++] = (byte) ((len & 0x7F) | 0x80);
      len >>>= 7;
    }
    out[p++] = (byte) len;
    for (int i = 0; i < n; i++) {
      char c = str.charAt(i);
      if (c >= 0x80) {
        return null;
      }
      out[p++] = (byte) c;
    }
    return out;
  }

  /**
   * Decodes a value made by {@link #encode(Object)}.
   *
   * @param bytes the bytes
   * @return a fresh object graph
   */
  public Object decode(byte[] bytes) {
    int[] pos = {0};
    Object v = read(bytes, pos);
    if (pos[0] != bytes.length) {
      throw new IllegalArgumentException(
          "Corrupt value: " + (bytes.length - pos[0]) + " trailing bytes");
    }
    return v;
  }

  private void write(Buf out, Object v) {
    if (v == null) {
      out.put(NULL);
    } else if (ext != null && ext.handles(v)) {
      out.put(EXT);
      out.putBytes(ext.write(v));
    } else if (v instanceof String) {
      // Chars one by one (varints), so unpaired surrogates survive, unlike UTF-8.
      String str = (String) v;
      out.put(STRING);
      out.putVarLong(str.length());
      for (int i = 0, n = str.length(); i < n; i++) {
        out.putVarLong(str.charAt(i));
      }
    } else if (v instanceof Long) {
      out.put(LONG);
      out.putVarLong(zigzag((Long) v));
    } else if (v instanceof Integer) {
      out.put(INT);
      out.putVarLong(zigzag((Integer) v));
    } else if (v instanceof Boolean) {
      out.put((Boolean) v ? TRUE : FALSE);
    } else if (v instanceof Double) {
      out.put(DOUBLE);
      out.putFixedLong(Double.doubleToRawLongBits((Double) v));
    } else if (v instanceof Float) {
      out.put(FLOAT);
      out.putFixedLong(Float.floatToRawIntBits((Float) v));
    } else if (v instanceof Short) {
      out.put(SHORT);
      out.putVarLong(zigzag((Short) v));
    } else if (v instanceof Byte) {
      out.put(BYTE);
      out.put((Byte) v);
    } else if (v instanceof Character) {
      out.put(CHAR);
      out.putVarLong((Character) v);
    } else if (v instanceof byte[]) {
      out.put(BYTES);
      out.putBytes((byte[]) v);
    } else if (v instanceof UUID) {
      out.put(UUID_T);
      out.putFixedLong(((UUID) v).getMostSignificantBits());
      out.putFixedLong(((UUID) v).getLeastSignificantBits());
    } else if (v instanceof List) {
      List<?> l = (List<?>) v;
      out.put(ARRAY_LIST);
      out.putVarLong(l.size());
      for (Object e : l) {
        write(out, e);
      }
    } else if (v instanceof Map) {
      Map<?, ?> m = (Map<?, ?>) v;
      byte tag;
      if (v instanceof SortedMap) {
        if (((SortedMap<?, ?>) v).comparator() != null) {
          writeJava(out, v);
          return;
        }
        tag = TREE_MAP;
      } else if (v instanceof HashMap && !(v instanceof LinkedHashMap)) {
        tag = HASH_MAP;
      } else {
        tag = LINKED_HASH_MAP;
      }
      out.put(tag);
      out.putVarLong(m.size());
      for (Map.Entry<?, ?> e : m.entrySet()) {
        write(out, e.getKey());
        write(out, e.getValue());
      }
    } else if (v instanceof Set) {
      Set<?> s = (Set<?>) v;
      byte tag;
      if (v instanceof SortedSet) {
        if (((SortedSet<?>) v).comparator() != null) {
          writeJava(out, v);
          return;
        }
        tag = TREE_SET;
      } else if (v instanceof HashSet && !(v instanceof LinkedHashSet)) {
        tag = HASH_SET;
      } else {
        tag = LINKED_HASH_SET;
      }
      out.put(tag);
      out.putVarLong(s.size());
      for (Object e : s) {
        write(out, e);
      }
    } else {
      writeJava(out, v);
    }
  }

  private static void writeJava(Buf out, Object v) {
    if (!(v instanceof Serializable)) {
      throw new IllegalArgumentException(
          "Cannot serialize a value of type "
              + v.getClass().getName()
              + ": it is not Serializable (implement dev.deimos.DeimosSerializable)");
    }
    try {
      ByteArrayOutputStream bos = new ByteArrayOutputStream();
      try (ObjectOutputStream oos = new ObjectOutputStream(bos)) {
        oos.writeObject(v);
      }
      out.put(JAVA);
      out.putBytes(bos.toByteArray());
    } catch (NotSerializableException e) {
      throw new IllegalArgumentException(
          "Cannot serialize a value of type "
              + v.getClass().getName()
              + ": it holds a "
              + e.getMessage()
              + ", which is not Serializable",
          e);
    } catch (IOException e) {
      throw new IllegalArgumentException(
          "Cannot serialize a value of type " + v.getClass().getName() + ": " + e, e);
    }
  }

  private Object read(byte[] b, int[] pos) {
    byte tag = b[pos[0]++];
    switch (tag) {
      case NULL:
        return null;
      case FALSE:
        return Boolean.FALSE;
      case TRUE:
        return Boolean.TRUE;
      case BYTE:
        return b[pos[0]++];
      case SHORT:
        return (short) unzigzag(readVarLong(b, pos));
      case INT:
        return (int) unzigzag(readVarLong(b, pos));
      case LONG:
        return unzigzag(readVarLong(b, pos));
      case FLOAT:
        return Float.intBitsToFloat((int) readFixedLong(b, pos));
      case DOUBLE:
        return Double.longBitsToDouble(readFixedLong(b, pos));
      case CHAR:
        return (char) readVarLong(b, pos);
      case STRING:
        {
          int n = count(b, pos);
          int p = pos[0];
          String ascii = asciiAt(b, p, n);
          if (ascii != null) {
            pos[0] = p + n;
            return ascii;
          }
          char[] cs = new char[n];
          for (int i = 0; i < n; i++) {
            int x = b[p++];
            if (x < 0) {
              int c = x & 0x7F;
              int shift = 7;
              do {
                x = b[p++];
                c |= (x & 0x7F) << shift;
                shift += 7;
              } while (x < 0);
              x = c;
            }
            cs[i] = (char) x;
          }
          pos[0] = p;
          return new String(cs);
        }
      case BYTES:
        return readBytes(b, pos);
      case UUID_T:
        return new UUID(readFixedLong(b, pos), readFixedLong(b, pos));
      case ARRAY_LIST:
        {
          int n = count(b, pos);
          List<Object> l = new ArrayList<>(n);
          for (int i = 0; i < n; i++) {
            l.add(read(b, pos));
          }
          return l;
        }
      case HASH_MAP:
      case LINKED_HASH_MAP:
      case TREE_MAP:
        {
          int n = count(b, pos);
          Map<Object, Object> m =
              tag == HASH_MAP
                  ? new HashMap<>(capacity(n))
                  : tag == TREE_MAP ? new TreeMap<>() : new LinkedHashMap<>(capacity(n));
          for (int i = 0; i < n; i++) {
            Object k = read(b, pos);
            m.put(k, read(b, pos));
          }
          return m;
        }
      case HASH_SET:
      case LINKED_HASH_SET:
      case TREE_SET:
        {
          int n = count(b, pos);
          Set<Object> s =
              tag == HASH_SET
                  ? new HashSet<>(capacity(n))
                  : tag == TREE_SET ? new TreeSet<>() : new LinkedHashSet<>(capacity(n));
          for (int i = 0; i < n; i++) {
            s.add(read(b, pos));
          }
          return s;
        }
      case EXT:
        if (ext == null) {
          throw new IllegalArgumentException("Value holds an extension object but no extension");
        }
        return ext.read(readBytes(b, pos));
      case JAVA:
        return readJava(readBytes(b, pos));
      default:
        throw new IllegalArgumentException("Corrupt value: unknown tag " + tag);
    }
  }

  private static int capacity(int n) {
    return Math.max(4, (int) (n / 0.75f) + 1);
  }

  private static Object readJava(byte[] bytes) {
    try (ObjectInputStream in = new LoaderAwareInput(new ByteArrayInputStream(bytes))) {
      return in.readObject();
    } catch (IOException | ClassNotFoundException e) {
      throw new IllegalArgumentException("Cannot deserialize a Java-serialized value: " + e, e);
    }
  }

  private static byte[] readBytes(byte[] b, int[] pos) {
    int n = count(b, pos);
    byte[] r = Arrays.copyOfRange(b, pos[0], pos[0] + n);
    pos[0] += n;
    return r;
  }

  /**
   * Reads a length or element count, refusing one larger than the bytes left (every element takes
   * at least one byte): corrupt or hostile input fails here instead of allocating gigabytes.
   */
  private static int count(byte[] b, int[] pos) {
    long n = readVarLong(b, pos);
    if (n < 0 || n > b.length - pos[0]) {
      throw new IllegalArgumentException(
          "Corrupt value: a length of " + n + " with " + (b.length - pos[0]) + " bytes left");
    }
    return (int) n;
  }

  private static long zigzag(long v) {
    return (v << 1) ^ (v >> 63);
  }

  private static long unzigzag(long v) {
    return (v >>> 1) ^ -(v & 1);
  }

  /** The {@code n} chars at {@code p} if each is one byte (ASCII), else null. */
  private static String asciiAt(byte[] b, int p, int n) {
    if (n < 0 || p + n > b.length) {
      return null;
    }
    for (int i = p, e = p + n; i < e; i++) {
      if (b[i] < 0) {
        return null;
      }
    }
    // Latin-1 of ASCII bytes: the string keeps a plain copy of them, no char[] in between
    return new String(b, p, n, java.nio.charset.StandardCharsets.ISO_8859_1);
  }

  private static long readVarLong(byte[] b, int[] pos) {
    long v = 0;
    int shift = 0;
    int p = pos[0];
    while (true) {
      byte x = b[p++];
      v |= (long) (x & 0x7F) << shift;
      if (x >= 0) {
        break;
      }
      shift += 7;
    }
    pos[0] = p;
    return v;
  }

  private static long readFixedLong(byte[] b, int[] pos) {
    long v = 0;
    for (int i = 0; i < 8; i++) {
      v = (v << 8) | (b[pos[0] + i] & 0xFF);
    }
    pos[0] += 8;
    return v;
  }

  /** Unsynchronized growable buffer. */
  private static final class Buf {
    private byte[] buf = new byte[32];
    private int len;

    void put(byte x) {
      if (len == buf.length) {
        buf = Arrays.copyOf(buf, len * 2);
      }
      buf[len++] = x;
    }

    void putVarLong(long v) {
      while ((v & ~0x7FL) != 0) {
        put((byte) ((v & 0x7F) | 0x80));
        v >>>= 7;
      }
      put((byte) v);
    }

    void putFixedLong(long v) {
      for (int i = 56; i >= 0; i -= 8) {
        put((byte) (v >>> i));
      }
    }

    void putBytes(byte[] b) {
      putVarLong(b.length);
      if (len + b.length > buf.length) {
        buf = Arrays.copyOf(buf, Math.max(buf.length * 2, len + b.length));
      }
      System.arraycopy(b, 0, buf, len, b.length);
      len += b.length;
    }

    byte[] toArray() {
      return Arrays.copyOf(buf, len);
    }
  }

  /**
   * Resolves classes through the thread's context class loader first. Why: the server runs each
   * module from its own jar class loader and sets it as the context loader of the module's threads,
   * so a record class defined in a module jar deserializes to that module's class. In process the
   * context loader is the application's, which resolves what the default would.
   */
  private static final class LoaderAwareInput extends ObjectInputStream {
    LoaderAwareInput(ByteArrayInputStream in) throws IOException {
      super(in);
    }

    @Override
    protected Class<?> resolveClass(java.io.ObjectStreamClass desc)
        throws IOException, ClassNotFoundException {
      ClassLoader cl = Thread.currentThread().getContextClassLoader();
      if (cl != null) {
        try {
          return Class.forName(desc.getName(), false, cl);
        } catch (ClassNotFoundException e) {
          // primitives and classes the context loader cannot see: the default lookup
        }
      }
      return super.resolveClass(desc);
    }
  }
}
