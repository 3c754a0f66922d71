package dev.deimos.impl.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

class OrderedKeyEncodingTest {

  private static int sign(int x) {
    return Integer.signum(x);
  }

  private static int cmp(Object a, Object b) {
    return sign(Arrays.compareUnsigned(OrderedKeyEncoding.encode(a), OrderedKeyEncoding.encode(b)));
  }

  @Property
  void longs_encodeOrder_equalsJavaOrder(@ForAll long a, @ForAll long b) {
    assertThat(cmp(a, b)).isEqualTo(sign(Long.compare(a, b)));
    assertThat(OrderedKeyEncoding.decode(OrderedKeyEncoding.encode(a))).isEqualTo(a);
  }

  @Property
  void ints_encodeOrder_equalsJavaOrder(@ForAll int a, @ForAll int b) {
    assertThat(cmp(a, b)).isEqualTo(sign(Integer.compare(a, b)));
    assertThat(OrderedKeyEncoding.decode(OrderedKeyEncoding.encode(a))).isEqualTo(a);
  }

  @Property
  void shortsAndBytes_encodeOrder_equalsJavaOrder(
      @ForAll short a, @ForAll short b, @ForAll byte c, @ForAll byte d) {
    assertThat(cmp(a, b)).isEqualTo(sign(Short.compare(a, b)));
    assertThat(cmp(c, d)).isEqualTo(sign(Byte.compare(c, d)));
    assertThat(OrderedKeyEncoding.decode(OrderedKeyEncoding.encode(a))).isEqualTo(a);
    assertThat(OrderedKeyEncoding.decode(OrderedKeyEncoding.encode(c))).isEqualTo(c);
  }

  @Property
  void doubles_encodeOrder_equalsJavaOrder(@ForAll double a, @ForAll double b) {
    assertThat(cmp(a, b)).isEqualTo(sign(Double.compare(a, b)));
    assertThat(OrderedKeyEncoding.decode(OrderedKeyEncoding.encode(a))).isEqualTo(a);
  }

  @Property
  void floats_encodeOrder_equalsJavaOrder(@ForAll float a, @ForAll float b) {
    assertThat(cmp(a, b)).isEqualTo(sign(Float.compare(a, b)));
    assertThat(OrderedKeyEncoding.decode(OrderedKeyEncoding.encode(a))).isEqualTo(a);
  }

  @Test
  void doubleSpecials_encodeOrder_matchesDoubleCompare() {
    List<Double> ds =
        List.of(
            Double.NEGATIVE_INFINITY,
            -1.5,
            -0.0,
            0.0,
            Double.MIN_VALUE,
            2.0,
            Double.POSITIVE_INFINITY,
            Double.NaN);
    for (int i = 0; i + 1 < ds.size(); i++) {
      assertThat(cmp(ds.get(i), ds.get(i + 1))).isEqualTo(-1);
    }
  }

  @Property
  void strings_encodeOrder_equalsJavaOrder(
      @ForAll("strings") String a, @ForAll("strings") String b) {
    assertThat(cmp(a, b)).isEqualTo(sign(a.compareTo(b)));
    assertThat(OrderedKeyEncoding.decode(OrderedKeyEncoding.encode(a))).isEqualTo(a);
    assertThat(sign(OrderedKeyEncoding.compareKeys(a, b))).isEqualTo(sign(a.compareTo(b)));
  }

  @Provide
  Arbitrary<String> strings() {
    return Arbitraries.oneOf(
        Arbitraries.strings().ofMaxLength(6).withChars("ab\u0000\u007f\u0080\u3fff\u4000\uffff"),
        Arbitraries.strings().all().ofMaxLength(8));
  }

  @Property
  void uuids_encodeOrder_equalsJavaOrder(@ForAll long a, @ForAll long b, @ForAll long c) {
    UUID x = new UUID(a, b);
    UUID y = new UUID(a ^ (c & 1), c);
    assertThat(cmp(x, y)).isEqualTo(sign(x.compareTo(y)));
    assertThat(OrderedKeyEncoding.decode(OrderedKeyEncoding.encode(x))).isEqualTo(x);
  }

  @Property
  void byteArrays_encodeOrder_equalsUnsignedOrder(
      @ForAll("bytes") byte[] a, @ForAll("bytes") byte[] b) {
    assertThat(cmp(a, b)).isEqualTo(sign(Arrays.compareUnsigned(a, b)));
    assertThat((byte[]) OrderedKeyEncoding.decode(OrderedKeyEncoding.encode(a))).isEqualTo(a);
  }

  @Provide
  Arbitrary<byte[]> bytes() {
    return Arbitraries.bytes().between((byte) -1, (byte) 2).array(byte[].class).ofMaxSize(5);
  }

  @Property
  void listsOfLongsAndStrings_encodeOrder_isElementwise(
      @ForAll("lists") List<Object> a, @ForAll("lists") List<Object> b) {
    assertThat(cmp(a, b)).isEqualTo(sign(listCompare(a, b)));
    assertThat(OrderedKeyEncoding.decode(OrderedKeyEncoding.encode(a))).isEqualTo(a);
  }

  @Provide
  Arbitrary<List<Object>> lists() {
    Arbitrary<Object> e =
        Arbitraries.oneOf(
            Arbitraries.longs().between(-3, 3).map(x -> (Object) x),
            Arbitraries.strings().withChars("ab").ofMaxLength(2).map(x -> (Object) x));
    return e.list().ofMaxSize(3);
  }

  // Longs before Strings (tag order), then element order, shorter prefix first.
  private static int listCompare(List<Object> a, List<Object> b) {
    for (int i = 0; i < Math.min(a.size(), b.size()); i++) {
      Object x = a.get(i);
      Object y = b.get(i);
      int c;
      if (x instanceof Long && y instanceof Long) {
        c = Long.compare((Long) x, (Long) y);
      } else if (x instanceof String && y instanceof String) {
        c = ((String) x).compareTo((String) y);
      } else {
        c = x instanceof Long ? -1 : 1;
      }
      if (c != 0) {
        return c;
      }
    }
    return Integer.compare(a.size(), b.size());
  }

  @Test
  void mixedTypes_encodeOrder_followsDocumentedTypeOrder() {
    List<Object> ordered =
        List.of(
            false,
            true,
            (byte) 5,
            (short) 5,
            5,
            5L,
            5.0f,
            5.0,
            "a",
            new UUID(0, 0),
            new byte[0],
            List.of(),
            java.time.LocalDate.of(2020, 1, 1));
    assertThat(cmp(null, false)).isEqualTo(-1);
    for (int i = 0; i + 1 < ordered.size(); i++) {
      assertThat(cmp(ordered.get(i), ordered.get(i + 1))).as("index " + i).isEqualTo(-1);
      assertThat(sign(OrderedKeyEncoding.compareKeys(ordered.get(i), ordered.get(i + 1))))
          .isEqualTo(-1);
    }
  }

  @Test
  void serializableOtherKey_roundTrips() {
    Object d = java.time.LocalDate.of(2021, 3, 4);
    assertThat(OrderedKeyEncoding.decode(OrderedKeyEncoding.encode(d))).isEqualTo(d);
  }

  @Test
  void unserializableKey_encode_throwsNamingType() {
    assertThatThrownBy(() -> OrderedKeyEncoding.encode(new Object()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("java.lang.Object");
  }
}
