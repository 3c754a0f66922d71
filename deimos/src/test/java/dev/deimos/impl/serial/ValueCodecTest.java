package dev.deimos.impl.serial;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

class ValueCodecTest {
  private final ValueCodec codec = ValueCodec.PLAIN;

  @Property
  void anyValue_roundTrip_equalsOriginalWithSameClass(@ForAll("values") Object v) {
    Object back = codec.decode(codec.encode(v));
    assertThat(back).isEqualTo(v);
    if (v != null) {
      assertThat(back.getClass()).isEqualTo(v.getClass());
    }
  }

  @Provide
  Arbitrary<Object> values() {
    Arbitrary<Object> leaf =
        Arbitraries.oneOf(
            Arbitraries.longs().map(x -> (Object) x),
            Arbitraries.integers().map(x -> (Object) x),
            Arbitraries.shorts().map(x -> (Object) x),
            Arbitraries.bytes().map(x -> (Object) x),
            Arbitraries.doubles().map(x -> (Object) x),
            Arbitraries.floats().map(x -> (Object) x),
            Arbitraries.chars().map(x -> (Object) x),
            Arbitraries.of(true, false).map(x -> (Object) x),
            Arbitraries.strings().all().ofMaxLength(10).map(x -> (Object) x),
            Arbitraries.longs().map(x -> (Object) new UUID(x, ~x)),
            Arbitraries.just(null));
    Arbitrary<Object> lists = leaf.list().ofMaxSize(4).map(l -> (Object) new ArrayList<>(l));
    Arbitrary<Object> maps =
        Arbitraries.maps(Arbitraries.strings().ofMaxLength(3), leaf)
            .ofMaxSize(4)
            .map(m -> (Object) new HashMap<>(m));
    Arbitrary<Object> lmaps =
        Arbitraries.maps(Arbitraries.longs(), lists)
            .ofMaxSize(4)
            .map(m -> (Object) new LinkedHashMap<>(m));
    Arbitrary<Object> tmaps =
        Arbitraries.maps(Arbitraries.integers(), maps)
            .ofMaxSize(3)
            .map(m -> (Object) new TreeMap<>(m));
    Arbitrary<Object> sets =
        Arbitraries.longs().set().ofMaxSize(4).map(s -> (Object) new HashSet<>(s));
    Arbitrary<Object> tsets =
        Arbitraries.strings().ofMaxLength(3).set().ofMaxSize(4).map(s -> (Object) new TreeSet<>(s));
    Arbitrary<Object> lsets =
        Arbitraries.integers().set().ofMaxSize(4).map(s -> (Object) new LinkedHashSet<>(s));
    return Arbitraries.oneOf(leaf, lists, maps, lmaps, tmaps, sets, tsets, lsets);
  }

  @Test
  void byteArray_roundTrip_keepsContent() {
    byte[] b = {0, 1, -1, 127};
    assertThat((byte[]) codec.decode(codec.encode(b))).containsExactly(0, 1, -1, 127);
  }

  @Test
  void linkedHashMap_roundTrip_keepsIterationOrder() {
    Map<String, Long> m = new LinkedHashMap<>();
    m.put("z", 1L);
    m.put("a", 2L);
    @SuppressWarnings("unchecked")
    Map<String, Long> back = (Map<String, Long>) codec.decode(codec.encode(m));
    assertThat(back.keySet()).containsExactly("z", "a");
  }

  @Test
  void immutableList_roundTrip_becomesEqualArrayList() {
    Object back = codec.decode(codec.encode(List.of(1L, "x")));
    assertThat(back).isInstanceOf(ArrayList.class).isEqualTo(List.of(1L, "x"));
  }

  @Test
  void serializableRecord_roundTrip_usesJavaSerialization() {
    Point p = new Point(3, 4);
    assertThat(codec.decode(codec.encode(p))).isEqualTo(p);
  }

  record Point(int x, int y) implements java.io.Serializable {}

  @Test
  void strings_asciiAndNot_roundTripAtTopLevelAndNested() {
    String longAscii = "w".repeat(300);
    List<String> samples =
        List.of(
            "",
            "word",
            longAscii,
            longAscii + "\u00e9",
            "\u00ff",
            "caf\u00e9",
            "\ud800 unpaired",
            "\u4e2d\u6587",
            "\u007f\u0080");
    for (String s : samples) {
      assertThat(codec.decode(codec.encode(s))).as(s).isEqualTo(s);
      assertThat(codec.decode(codec.encode(List.of(s, s)))).isEqualTo(List.of(s, s));
    }
    // a top-level ASCII string has the same bytes whether encoded on the fast path or nested
    byte[] top = codec.encode("word");
    byte[] nested = codec.encode(List.of("word"));
    assertThat(new String(nested, java.nio.charset.StandardCharsets.ISO_8859_1))
        .endsWith(new String(top, java.nio.charset.StandardCharsets.ISO_8859_1));
  }

  @Test
  void unserializableValue_encode_throwsNamingType() {
    List<Object> l = new ArrayList<>();
    l.add(new Object());
    assertThatThrownBy(() -> codec.encode(l))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("java.lang.Object");
  }

  @Test
  void extension_claimsObjects_roundTripsThroughIt() {
    ValueCodec c =
        new ValueCodec(
            new ValueCodec.Extension() {
              @Override
              public boolean handles(Object o) {
                return o instanceof StringBuilder;
              }

              @Override
              public byte[] write(Object o) {
                return o.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8);
              }

              @Override
              public Object read(byte[] bytes) {
                return new StringBuilder(
                    new String(bytes, java.nio.charset.StandardCharsets.UTF_8));
              }
            });
    Object back = c.decode(c.encode(List.of(new StringBuilder("hi"))));
    assertThat(back.toString()).isEqualTo("[hi]");
  }
}
