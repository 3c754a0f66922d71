package dev.deimos.impl.path;

import static org.assertj.core.api.Assertions.assertThat;

import dev.deimos.Path;
import dev.deimos.impl.data.Vars;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class WriteThroughTest {
  /** A stand-in for a store view: updated in place by the engine. */
  static final class View extends TreeMap<Object, Object> implements WriteThrough {
    private static final long serialVersionUID = 1L;
  }

  @Test
  void transform_writeThroughMap_updatedInPlace() {
    View v = new View();
    v.put("a", 1);
    v.put("b", List.of(1, 2));
    Object out = Paths.transform(Path.key("a").termVal(5), v, Vars.NONE);
    assertThat(out).isSameAs(v);
    assertThat(v).containsEntry("a", 5);
    Paths.transform(Path.key("b").afterElem().termVal(3), v, Vars.NONE);
    assertThat(v).containsEntry("b", List.of(1, 2, 3));
    Paths.transform(Path.key("a").termVoid(), v, Vars.NONE);
    assertThat(v).isEqualTo(Map.of("b", List.of(1, 2, 3)));
  }

  @Test
  void transform_sortedRangeOnView_removesInPlace() {
    View v = new View();
    for (int i = 0; i < 5; i++) {
      v.put(i, i);
    }
    Object out = Paths.transform(Path.sortedMapRange(1, 4).termVoid(), v, Vars.NONE);
    assertThat(out).isSameAs(v);
    assertThat(v.keySet()).containsExactly(0, 4);
  }
}
