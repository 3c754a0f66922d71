package dev.deimos.impl.reactive;

import static org.assertj.core.api.Assertions.assertThat;

import dev.deimos.PState;
import dev.deimos.Path;
import dev.deimos.diffs.Diff;
import dev.deimos.diffs.KeyDiff;
import dev.deimos.diffs.KeyRemoveDiff;
import dev.deimos.diffs.NewValueDiff;
import dev.deimos.diffs.SequenceIndexChangesDiff;
import dev.deimos.diffs.SequenceIndexRemoveDiff;
import dev.deimos.diffs.SequenceInsertDiff;
import dev.deimos.diffs.SetAddDiff;
import dev.deimos.diffs.SetRemoveDiff;
import dev.deimos.impl.data.Vars;
import dev.deimos.impl.pstate.PStateDeclaration;
import dev.deimos.impl.pstate.PStateStore;
import dev.deimos.impl.pstate.memory.MemoryPStateStore;
import dev.deimos.ops.Ops;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Which diff each kind of write sends, through a real store and the subscription registry. */
class ProxyDiffExamplesTest {
  private final PStateStore store =
      new MemoryPStateStore(
          new PStateDeclaration(
              "$$p",
              PState.mapSchema(
                  String.class,
                  PState.fixedKeysSchema(
                      "tags",
                      PState.setSchema(String.class),
                      "list",
                      PState.listSchema(Long.class),
                      "m",
                      PState.mapSchema(String.class, Long.class)))));
  private final PartitionSubscriptions subs =
      new PartitionSubscriptions("$$p", 10, Long.MAX_VALUE, () -> 0L);
  private final List<ProxyMessage> sent = new ArrayList<>();

  private void write(Path p) {
    subs.noteWrite(p, Vars.NONE);
    store.transform(p, Vars.NONE);
    store.commit();
    subs.afterCommit(q -> store.select(q, Vars.NONE));
  }

  private Diff lastDiff() {
    return sent.get(sent.size() - 1).diff();
  }

  @Test
  void writesUnderKeys_sendFineDiffs_ofTheProxiedPartOnly() {
    write(Path.key("a").key("m").key("x").termVal(1L));
    subs.subscribe(1, Path.key("a"), q -> store.select(q, Vars.NONE), sent::add);
    assertThat(sent).hasSize(1);

    write(Path.key("a").key("m").key("y").termVal(2L));
    assertThat(lastDiff()).isEqualTo(new KeyDiff("m", new KeyDiff("y", new NewValueDiff(2L))));

    write(Path.key("a").key("m").key("x").termVoid());
    assertThat(lastDiff()).isEqualTo(new KeyDiff("m", new KeyRemoveDiff("x")));

    write(Path.key("a").key("tags").nullToSet().voidSetElem().termVal("t"));
    assertThat(lastDiff()).isEqualTo(new KeyDiff("tags", new NewValueDiff(java.util.Set.of("t"))));
    write(Path.key("a").key("tags").voidSetElem().termVal("u"));
    assertThat(lastDiff()).isEqualTo(new KeyDiff("tags", new SetAddDiff("u")));
    write(Path.key("a").key("tags").setElem("t").termVoid());
    assertThat(lastDiff()).isEqualTo(new KeyDiff("tags", new SetRemoveDiff("t")));

    write(Path.key("a").key("list").nullToList().afterElem().termVal(5L));
    write(Path.key("a").key("list").afterElem().termVal(6L));
    assertThat(lastDiff()).isEqualTo(new KeyDiff("list", new SequenceInsertDiff(1, 6L, 1)));
    write(Path.key("a").key("list").all().term(Ops.INC_LONG));
    assertThat(((KeyDiff) lastDiff()).getValDiff()).isInstanceOf(SequenceIndexChangesDiff.class);
    write(Path.key("a").key("list").nth(0).termVoid());
    assertThat(lastDiff()).isEqualTo(new KeyDiff("list", new SequenceIndexRemoveDiff(0, 1, 2)));

    // writes to other keys cost this subscriber nothing and send nothing
    int before = sent.size();
    write(Path.key("b").key("m").key("x").termVal(1L));
    assertThat(sent).hasSize(before);
  }

  @Test
  void subselectProxy_seesOneList_andChangesOfItsElements() {
    write(Path.key("a").key("m").termVal(Map.of("x", 1L)));
    Object init =
        subs.subscribe(
            1,
            Path.key("a").subselect(Path.key("m").mapVals()),
            q -> store.select(q, Vars.NONE),
            sent::add);
    assertThat(init).isEqualTo(List.of(1L));
    write(Path.key("a").key("m").key("x").term(Ops.INC_LONG));
    assertThat(lastDiff())
        .isEqualTo(new dev.deimos.diffs.SequenceIndexChangeDiff(0, new NewValueDiff(2L)));
    assertThat(DiffApply.apply(init, lastDiff())).isEqualTo(List.of(2L));
  }

  /**
   * Rama's release notes fixed proxies under {@code key} and {@code subselect} transforms (and
   * {@code subset}, which Deimos lacks; a sorted-set range is the nearest view): several
   * subscribers on different views of one record, each checked against a fresh select after every
   * write, with renamed keys, a subselect written back, and a transform through a map range.
   */
  @Test
  void keySubselectAndRangeTransforms_keepEveryViewExact() {
    write(
        Path.key("a").key("m").termVal(new java.util.TreeMap<>(Map.of("x", 1L, "y", 2L, "z", 3L))));
    write(Path.key("a").key("list").termVal(List.of(1L, 2L, 3L)));
    List<Path> views =
        List.of(
            Path.key("a"),
            Path.key("a").key("m"),
            Path.key("a").key("m").key("x"),
            Path.key("a").key("m").key("w"),
            Path.key("a").subselect(Path.key("m").mapVals()),
            Path.key("a").subselect(Path.key("list").all()),
            Path.key("a").key("m").sortedMapRange("x", "z"),
            Path.key("a").key("m").view(Ops.SIZE));
    java.util.Map<Long, Object> values = new java.util.HashMap<>();
    java.util.Map<Long, Path> paths = new java.util.HashMap<>();
    long id = 100;
    for (Path v : views) {
      long i = ++id;
      paths.put(i, v);
      values.put(
          i,
          subs.subscribe(
              i,
              v,
              q -> store.select(q, Vars.NONE),
              m -> {
                if (m.kind() == ProxyMessage.Kind.DIFF) {
                  values.put(i, DiffApply.apply(values.get(i), m.diff()));
                }
              }));
    }
    List<Path> writes =
        List.of(
            // key transforms: rename a key, remove one, add one under a proxied missing key
            Path.key("a").key("m").mapKeys().filterEqual("x").termVal("w"),
            Path.key("a").key("m").key("y").termVoid(),
            Path.key("a").key("m").key("x").termVal(9L),
            // subselect transforms written back to their origins
            Path.key("a").subselect(Path.key("m").mapVals()).term(ProxyDiffExamplesTest::reverse),
            Path.key("a").subselect(Path.key("list").all()).term(ProxyDiffExamplesTest::reverse),
            Path.key("a").subselect(Path.key("list").all()).termVal(List.of(7L)),
            // a range of the map transformed, then emptied
            Path.key("a").key("m").sortedMapRange("w", "y").mapVals().term(Ops.INC_LONG),
            Path.key("a").key("m").sortedMapRange("x", "zz").termVal(Map.of()));
    for (Path w : writes) {
      write(w);
      for (long i : paths.keySet()) {
        assertThat(values.get(i))
            .as("view %s after %s", paths.get(i), w)
            .isEqualTo(store.selectOne(paths.get(i), Vars.NONE));
      }
    }
  }

  static List<Object> reverse(List<Object> l) {
    List<Object> out = new ArrayList<>(l);
    java.util.Collections.reverse(out);
    return out;
  }

  @Test
  void abortedWrites_sendNothing() {
    subs.subscribe(1, Path.key("a"), q -> store.select(q, Vars.NONE), sent::add);
    Path p = Path.key("a").key("m").key("x").termVal(1L);
    subs.noteWrite(p, Vars.NONE);
    store.transform(p, Vars.NONE);
    store.abort();
    subs.discardWrites();
    store.commit();
    subs.afterCommit(q -> store.select(q, Vars.NONE));
    assertThat(sent).hasSize(1);
  }

  @Test
  void pathReachingSeveralValues_isRefused_andLimitHolds() {
    write(Path.key("a").key("m").termVal(Map.of("x", 1L, "y", 2L)));
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () ->
                subs.subscribe(
                    1, Path.key("a").key("m").mapVals(), q -> store.select(q, Vars.NONE), m -> {}))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("exactly one value");
    for (int i = 0; i < 10; i++) {
      subs.subscribe(10 + i, Path.key("a"), q -> store.select(q, Vars.NONE), m -> {});
    }
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () -> subs.subscribe(99, Path.key("a"), q -> store.select(q, Vars.NONE), m -> {}))
        .hasMessageContaining("pstate.proxy.limit of 10");
  }

  @Test
  void silentSubscriptions_expire_andHeartbeatsKeepThemAlive() {
    long[] now = {0};
    PartitionSubscriptions s = new PartitionSubscriptions("$$p", 10, 100, () -> now[0]);
    s.subscribe(1, Path.key("a"), q -> store.select(q, Vars.NONE), m -> {});
    s.subscribe(2, Path.key("a"), q -> store.select(q, Vars.NONE), m -> {});
    now[0] = 60;
    assertThat(s.heartbeat(1)).isTrue();
    now[0] = 130;
    assertThat(s.heartbeat(1)).isTrue();
    assertThat(s.heartbeat(2)).isFalse();
    assertThat(s.size()).isEqualTo(1);
  }
}
