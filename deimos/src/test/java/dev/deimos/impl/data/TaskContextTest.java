package dev.deimos.impl.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class TaskContextTest {

  @Test
  void current_nothingEntered_isLocal() {
    assertThat(TaskContext.current()).isSameAs(TaskContext.LOCAL);
    assertThat(TaskContext.LOCAL.taskId()).isZero();
    assertThatThrownBy(TaskContext.LOCAL::microbatchId).isInstanceOf(IllegalStateException.class);
  }

  @Test
  void enter_nested_closeRestoresPrevious() {
    TaskContext outer = TaskContext.of(1, null, "stream", null);
    TaskContext inner = TaskContext.of(2, 7L, "microbatch", null);
    try (TaskContext.Scope a = TaskContext.enter(outer)) {
      try (TaskContext.Scope b = TaskContext.enter(inner)) {
        assertThat(TaskContext.current()).isSameAs(inner);
      }
      assertThat(TaskContext.current()).isSameAs(outer);
    }
    assertThat(TaskContext.current()).isSameAs(TaskContext.LOCAL);
  }

  @Test
  void enter_isPerThread() throws InterruptedException {
    AtomicReference<TaskContext> seen = new AtomicReference<>();
    try (TaskContext.Scope a = TaskContext.enter(TaskContext.of(3, null, null, null))) {
      Thread t = new Thread(() -> seen.set(TaskContext.current()));
      t.start();
      t.join();
    }
    assertThat(seen.get()).isSameAs(TaskContext.LOCAL);
  }

  @Test
  void enter_null_throws() {
    assertThatThrownBy(() -> TaskContext.enter(null)).isInstanceOf(IllegalArgumentException.class);
  }
}
