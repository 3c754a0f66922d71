package dev.deimos.impl.pstate.memory;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class OverlayTest {
  @Test
  void behavesLikeAMapUnderRandomOperations() {
    Random rnd = new Random(42);
    Overlay o = new Overlay();
    Map<Object, Object> ref = new HashMap<>();
    for (int step = 0; step < 200_000; step++) {
      int r = rnd.nextInt(3000);
      // strings and longs are hashed, lists sorted; some keys collide in the low bits
      Object k = r % 10 == 0 ? List.of((long) r) : r % 2 == 0 ? "k" + r : (long) (r << 12);
      switch (rnd.nextInt(6)) {
        case 0:
        case 1:
          assertThat(o.get(k)).isEqualTo(ref.get(k));
          Object v = (long) step;
          assertThat(o.put(k, v)).isEqualTo(ref.put(k, v));
          break;
        case 2:
          assertThat(o.put(k, "x" + step)).isEqualTo(ref.put(k, "x" + step));
          break;
        case 3:
          assertThat(o.remove(k)).isEqualTo(ref.remove(k));
          break;
        case 4:
          assertThat(o.containsKey(k)).isEqualTo(ref.containsKey(k));
          break;
        default:
          if (rnd.nextInt(5000) == 0) {
            o.clear();
            ref.clear();
          }
          assertThat(o.get(k)).isEqualTo(ref.get(k));
      }
      assertThat(o.size()).isEqualTo(ref.size());
    }
    Map<Object, Object> copy = new HashMap<>();
    for (Map.Entry<Object, Object> e : o.entrySet()) {
      copy.put(e.getKey(), e.getValue());
    }
    assertThat(copy).isEqualTo(ref);
    assertThat(o.isEmpty()).isEqualTo(ref.isEmpty());
  }

  @Test
  void aPutAfterAGetOfTheSameKeyLandsInItsSlot() {
    Overlay o = new Overlay();
    for (int i = 0; i < 10_000; i++) {
      String k = "w" + i;
      assertThat(o.get(k)).isNull();
      o.put(k, 1L);
      Object v = o.get(k);
      o.put(k, (Long) v + 1);
    }
    assertThat(o.size()).isEqualTo(10_000);
    for (int i = 0; i < 10_000; i++) {
      assertThat(o.get("w" + i)).isEqualTo(2L);
    }
    o.clear();
    assertThat(o.isEmpty()).isTrue();
    assertThat(o.get("w1")).isNull();
  }
}
