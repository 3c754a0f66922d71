package dev.deimos.impl.pstate.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.deimos.PState;
import dev.deimos.SchemaViolationException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

class SchemaValidatorPropertiesTest {

  /** Builds a random schema and a value for it, optionally corrupting leaf number {@code bad}. */
  private static final class Gen {
    final Random rnd;
    final int bad;
    int leaves;
    List<Object> badLocation;

    Gen(long seed, int bad) {
      this.rnd = new Random(seed);
      this.bad = bad;
    }

    PState.Schema schema(int depth) {
      int kind = depth == 0 ? 0 : rnd.nextInt(5);
      switch (kind) {
        case 1:
          return PState.mapSchema(String.class, nested(depth - 1));
        case 2:
          return PState.listSchema(nested(depth - 1));
        case 3:
          return PState.setSchema(rnd.nextBoolean() ? Long.class : String.class);
        case 4:
          return PState.fixedKeysSchema("a", nested(depth - 1), "b", nested(depth - 1));
        default:
          return PState.mapSchema(String.class, rnd.nextBoolean() ? Long.class : String.class);
      }
    }

    PState.Schema nested(int depth) {
      if (depth == 0 || rnd.nextInt(3) == 0) {
        return SchemaNode.of(rnd.nextBoolean() ? Long.class : String.class);
      }
      return schema(depth);
    }

    Object leaf(Class<?> c, List<Object> location) {
      boolean corrupt = leaves++ == bad;
      if (corrupt) {
        badLocation = new ArrayList<>(location);
      }
      boolean wantLong = (c == Long.class) != corrupt;
      // draw both so corrupting a leaf leaves the rest of the generated tree unchanged
      long l = rnd.nextLong();
      String str = "s" + rnd.nextInt(100);
      return wantLong ? (Object) l : str;
    }

    Object value(SchemaNode s, List<Object> location) {
      if (s instanceof ClassSchema) {
        return leaf(((ClassSchema) s).type(), location);
      } else if (s instanceof MapSchema) {
        Map<Object, Object> m = new HashMap<>();
        int n = 1 + rnd.nextInt(2);
        for (int i = 0; i < n; i++) {
          String k = "k" + i;
          location.add(k);
          m.put(k, value(((MapSchema) s).valueSchema(), location));
          location.remove(location.size() - 1);
        }
        return m;
      } else if (s instanceof ListSchema) {
        List<Object> l = new ArrayList<>();
        int n = 1 + rnd.nextInt(2);
        for (int i = 0; i < n; i++) {
          location.add(i);
          l.add(value(((ListSchema) s).elementSchema(), location));
          location.remove(location.size() - 1);
        }
        return l;
      } else if (s instanceof SetSchema) {
        Set<Object> set = new HashSet<>();
        // a corrupt set element is reported at the set's location
        set.add(leaf(((SetSchema) s).elementClass(), location));
        return set;
      } else {
        Map<Object, Object> m = new HashMap<>();
        for (Map.Entry<Object, SchemaNode> e : ((FixedKeysSchema) s).fields().entrySet()) {
          if (rnd.nextBoolean()) {
            location.add(e.getKey());
            m.put(e.getKey(), value(e.getValue(), location));
            location.remove(location.size() - 1);
          }
        }
        return m;
      }
    }
  }

  @Property(tries = 300)
  void validate_generatedMatchingValue_accepted(@ForAll long seed) {
    Gen g = new Gen(seed, -1);
    SchemaNode s = SchemaNode.of(g.schema(3));
    Object v = g.value(s, new ArrayList<>());

    assertThatCode(() -> SchemaValidator.validate("$$p", s, v)).doesNotThrowAnyException();
  }

  @Property(tries = 300)
  void validate_oneCorruptLeaf_rejectedAtThatLocation(
      @ForAll long seed, @ForAll @IntRange(min = 0, max = 1000) int pick) {
    Gen counter = new Gen(seed, -1);
    counter.value(SchemaNode.of(counter.schema(3)), new ArrayList<>());
    Assume.that(counter.leaves > 0);
    Gen g = new Gen(seed, pick % counter.leaves);
    SchemaNode s = SchemaNode.of(g.schema(3));
    Object v = g.value(s, new ArrayList<>());
    assertThat(g.badLocation).isNotNull();

    Throwable t = catchThrowable(() -> SchemaValidator.validate("$$p", s, v));

    assertThat(t).isInstanceOf(SchemaViolationException.class);
    SchemaViolationException e = (SchemaViolationException) t;
    assertThat(e.getLocation())
        .containsExactlyElementsOf(g.badLocation.stream().map(String::valueOf).toList());
    assertThat(e.getMessage()).containsAnyOf("expected Long", "expected String");
  }
}
