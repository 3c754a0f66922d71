package dev.deimos.impl.path;

import static org.assertj.core.api.Assertions.assertThat;

import dev.deimos.Path;
import dev.deimos.impl.data.Vars;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

class PathPropertiesTest {

  @Property
  void select_afterTermVal_yieldsValue(
      @ForAll Map<String, Integer> m, @ForAll String k, @ForAll int v) {
    // Strings starting with '*' (or '$$') are vars, not literal keys.
    Assume.that(!k.startsWith("*") && !k.startsWith("$$"));
    Object out = Paths.transform(Path.key(k).termVal(v), m, Vars.NONE);
    assertThat(Paths.select(Path.key(k), out, Vars.NONE)).containsExactly(v);
  }

  @Property
  void termIdentity_leavesDataEqual(@ForAll Map<String, List<Integer>> m) {
    Map<String, List<Integer>> copy = new HashMap<>();
    m.forEach((k, l) -> copy.put(k, new ArrayList<>(l)));
    Object out = Paths.transform(Path.mapVals().all().term((Object x) -> x), m, Vars.NONE);
    assertThat(out).isEqualTo(copy);
    assertThat(m).isEqualTo(copy);
  }

  @Test
  void serializedPath_stillRuns() throws Exception {
    Path p = Path.key("*k").all().filterGreaterThan(1);
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
      out.writeObject(p);
    }
    Path back;
    try (ObjectInputStream in =
        new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
      back = (Path) in.readObject();
    }
    Vars vars = name -> "a";
    assertThat(Paths.select(back, Map.of("a", List.of(1, 2, 3)), vars)).containsExactly(2, 3);
  }

  @Test
  void pathBuilder_buildsPerCallFromArgs() {
    Path p = Path.pathBuilder((String k) -> Path.key(k), "*k");
    assertThat(Paths.select(p, Map.of("x", 1, "y", 2), name -> "y")).containsExactly(2);
    assertThat(Paths.select(p, Map.of("x", 1, "y", 2), name -> "x")).containsExactly(1);
  }

  @Test
  void paths_areImmutable() {
    Path.Impl base = Path.key("a");
    Path.Impl longer = base.key("b");
    assertThat(base.toString()).isEqualTo("Path[key(\"a\")]");
    assertThat(longer.toString()).isEqualTo("Path[key(\"a\"), key(\"b\")]");
  }
}
