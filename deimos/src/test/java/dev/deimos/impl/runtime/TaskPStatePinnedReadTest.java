package dev.deimos.impl.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import dev.deimos.PState;
import dev.deimos.Path;
import dev.deimos.impl.data.Vars;
import dev.deimos.impl.pstate.PStateDeclaration;
import dev.deimos.impl.storage.MemoryStorageFactory;
import dev.deimos.impl.storage.StorageFactory;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * What one task answers to the parts of a client read pinned to a microbatch ({@link
 * TaskPState#clientSelectAt}) and to plain client reads, at every point of the microbatch protocol:
 * staged, flagged committed but not yet committed on this task, committed, aborted, retried. Runs
 * the task's side alone, in the order the task thread would run those events.
 */
class TaskPStatePinnedReadTest {
  private final PStateDeclaration decl =
      new PStateDeclaration("$$p", PState.mapSchema(String.class, Long.class));
  private final Task task = new Task(0, 1, null, List.of(decl), null, storage(), "m");

  /** Where the task's stores live (the disk subclass runs the same cases on RocksDB). */
  StorageFactory storage() {
    return MemoryStorageFactory.INSTANCE;
  }

  // nothing here schedules: the runner is driven by hand
  private final RuntimeServices services =
      new RuntimeServices(
          MemoryStorageFactory.INSTANCE,
          Clock.SYSTEM,
          new Scheduler() {
            @Override
            public java.util.concurrent.Future<?> schedule(Runnable action, long delayMillis) {
              throw new AssertionError("unexpected schedule");
            }

            @Override
            public java.util.concurrent.Future<?> scheduleAtFixedRate(
                Runnable action, long periodMillis) {
              throw new AssertionError("unexpected schedule");
            }
          });
  private final MicrobatchRunner runner =
      new MicrobatchRunner(
          null, "mb", List.of(), List.of("$$p"), new Task[] {task}, 10, null, services);
  private final TaskPState p = task.pstate("$$p");

  private void put(String k, long v) {
    p.transform(Path.key(k).termVal(v), Vars.NONE);
  }

  private List<Object> at(long target) {
    return p.clientSelectAt(target, Path.all(), Vars.NONE);
  }

  private List<Object> now() {
    return p.clientSelect(Path.all(), Vars.NONE);
  }

  @Test
  void everyTargetSeesExactlyTheMicrobatchesBelowIt() {
    MicrobatchRunner.Attempt a0 = runner.newAttempt(0);
    put("a", 1);
    put("b", 1);
    // staged, not committed: nobody sees it
    assertThat(now()).isEmpty();
    assertThat(at(0)).isEmpty();
    a0.committed = true;
    // flagged committed, still staged on this task
    assertThat(now()).containsExactly(List.of("a", 1L), List.of("b", 1L));
    assertThat(at(0)).isEmpty();
    assertThat(at(1)).containsExactly(List.of("a", 1L), List.of("b", 1L));
    p.commitMicrobatch(a0);
    // committed on this task: a read pinned before it looks behind the commit
    assertThat(now()).containsExactly(List.of("a", 1L), List.of("b", 1L));
    assertThat(at(0)).isEmpty();
    assertThat(at(1)).containsExactly(List.of("a", 1L), List.of("b", 1L));

    // microbatch 1 fails after writing, then runs again with other writes
    runner.newAttempt(1);
    put("a", 2);
    put("c", 5);
    assertThat(at(1)).containsExactly(List.of("a", 1L), List.of("b", 1L));
    assertThat(now()).containsExactly(List.of("a", 1L), List.of("b", 1L));
    p.abortMicrobatch();
    MicrobatchRunner.Attempt a1 = runner.newAttempt(1);
    put("a", 3);
    a1.committed = true;
    assertThat(at(1)).containsExactly(List.of("a", 1L), List.of("b", 1L));
    assertThat(at(2)).containsExactly(List.of("a", 3L), List.of("b", 1L));
    p.commitMicrobatch(a1);
    assertThat(at(0)).isEmpty();
    assertThat(at(1)).containsExactly(List.of("a", 1L), List.of("b", 1L));
    assertThat(at(2)).containsExactly(List.of("a", 3L), List.of("b", 1L));
    assertThat(now()).containsExactly(List.of("a", 3L), List.of("b", 1L));

    // a microbatch writing nothing here, then one removing a key
    MicrobatchRunner.Attempt a2 = runner.newAttempt(2);
    a2.committed = true;
    p.commitMicrobatch(a2);
    MicrobatchRunner.Attempt a3 = runner.newAttempt(3);
    p.transform(Path.key("b").termVoid(), Vars.NONE);
    a3.committed = true;
    p.commitMicrobatch(a3);
    assertThat(now()).containsExactly(List.of("a", 3L));
    assertThat(at(3)).containsExactly(List.of("a", 3L), List.of("b", 1L));
    assertThat(at(2)).containsExactly(List.of("a", 3L), List.of("b", 1L));
    assertThat(at(1)).containsExactly(List.of("a", 1L), List.of("b", 1L));
    assertThat(at(4)).containsExactly(List.of("a", 3L));
  }

  @Test
  void keepsTheRecordsOfTheLastKeptMicrobatches() {
    for (long id = 0; id < 10; id++) {
      MicrobatchRunner.Attempt a = runner.newAttempt(id);
      put("k", id);
      a.committed = true;
      p.commitMicrobatch(a);
    }
    // the runner never lets a pinned read fall further behind than KEPT microbatches
    for (long target = 10 - TaskPState.KEPT + 1; target <= 10; target++) {
      assertThat(at(target)).containsExactly(List.of("k", target - 1));
    }
  }
}
