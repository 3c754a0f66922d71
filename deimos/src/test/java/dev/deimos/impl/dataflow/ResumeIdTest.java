package dev.deimos.impl.dataflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.deimos.Block;
import dev.deimos.ops.Ops;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Resume points have stable ids: every hop of a run names its continuation by a number its plan
 * turns back into the same continuation, and compiling the same block again gives the same numbers.
 */
class ResumeIdTest {
  /** Runs hops in place, as the default does, after writing down where each resumes. */
  private static final class Recording implements ExecutionContext {
    final List<Resume> hops = new ArrayList<>();
    final List<Integer> targets = new ArrayList<>();

    @Override
    public int numTasks() {
      return 4;
    }

    @Override
    public void hop(int task, Resume resume, Object[] frame) {
      hops.add(resume);
      targets.add(task);
      resume.run(this, frame);
    }
  }

  private static Block block(List<Object> seen) {
    return Block.each(Ops.IDENTITY, "k")
        .out("*k")
        .hashPartition("*k")
        .each((String k) -> k + "!", "*k")
        .out("*k2")
        .ifTrue(
            true,
            Block.shufflePartition().each((Object v) -> seen.add("then " + v), "*k2"),
            Block.directPartition(2).each((Object v) -> seen.add("else " + v), "*k2"))
        .allPartition()
        .each((Object v) -> seen.add("all " + v), "*k2");
  }

  @Test
  void everyHop_namesAResumeItsPlanGivesBack() {
    List<Object> seen = new ArrayList<>();
    Plan plan = Compiler.compile(block(seen));
    Recording ctx = new Recording();
    plan.run(ctx);
    assertThat(ctx.hops).hasSizeGreaterThanOrEqualTo(3);
    Set<Integer> ids = new HashSet<>();
    for (Resume r : ctx.hops) {
      assertThat(r.id()).isBetween(0, plan.stepCount() - 1);
      assertThat(plan.resume(r.id())).isSameAs(r);
      ids.add(r.id());
    }
    // the hash hop, the then-branch hop and the allPartition hop continue at different places
    assertThat(ids).hasSizeGreaterThanOrEqualTo(3);
    assertThat(seen).contains("then k!", "all k!");
  }

  @Test
  void sameBlock_compiledTwice_sameIdsInTheSameOrder() {
    List<Integer> first = idsOfOneRun();
    List<Integer> second = idsOfOneRun();
    assertThat(first).isNotEmpty().isEqualTo(second);
  }

  @Test
  void resumeById_continuesWhereTheFrameLeft() {
    List<Object> seen = new ArrayList<>();
    Plan plan = Compiler.compile(block(seen));
    Recording ctx = new Recording();
    plan.run(ctx);
    int lastHop = ctx.hops.get(ctx.hops.size() - 1).id();
    Integer k2 = slotHolding(plan, ctx, "k!");
    seen.clear();
    Object[] frame = new Object[plan.slotCount()];
    // a frame that names the allPartition hop: only the rest of the block runs
    Recording again = new Recording();
    Plan replanned = Compiler.compile(block(seen));
    Resume r = replanned.resume(lastHop);
    frame[k2] = "k!";
    r.run(again, frame);
    assertThat(seen).containsExactly("all k!");
  }

  @Test
  void unknownId_failsNamingIt() {
    Plan plan = Compiler.compile(block(new ArrayList<>()));
    assertThatThrownBy(() -> plan.resume(plan.stepCount() + 5))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(String.valueOf(plan.stepCount() + 5));
    assertThatThrownBy(() -> plan.resume(-1)).isInstanceOf(IllegalArgumentException.class);
  }

  private static List<Integer> idsOfOneRun() {
    Plan plan = Compiler.compile(block(new ArrayList<>()));
    Recording ctx = new Recording();
    plan.run(ctx);
    List<Integer> ids = new ArrayList<>();
    for (Resume r : ctx.hops) {
      ids.add(r.id());
    }
    return ids;
  }

  /** The slot the first run bound to {@code value}, found by running with a capturing hop. */
  private static Integer slotHolding(Plan plan, Recording done, Object value) {
    Object[][] captured = new Object[1][];
    ExecutionContext capture =
        new ExecutionContext() {
          @Override
          public int numTasks() {
            return 4;
          }

          @Override
          public void hop(int task, Resume resume, Object[] frame) {
            if (resume.id() == done.hops.get(done.hops.size() - 1).id() && captured[0] == null) {
              captured[0] = frame.clone();
            }
            resume.run(this, frame);
          }
        };
    plan.run(capture);
    for (int i = 0; i < captured[0].length; i++) {
      if (value.equals(captured[0][i])) {
        return i;
      }
    }
    throw new AssertionError("no slot holds " + value);
  }
}
