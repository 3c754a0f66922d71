package dev.deimos.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.deimos.impl.data.TaskContext;
import org.junit.jupiter.api.Test;

class OpsContextTest {

  @Test
  void contextOps_outsideAnyTopology_useLocalContext() {
    assertThat(Ops.CURRENT_TASK_ID.invoke()).isEqualTo(0).isInstanceOf(Integer.class);
    assertThat(Ops.CURRENT_TOPOLOGY_TYPE.invoke()).isNull();
    assertThat(Ops.MODULE_INSTANCE_INFO.invoke()).isNull();
  }

  @Test
  void currentMicrobatchId_outsideMicrobatch_throwsIllegalState() {
    assertThatThrownBy(() -> Ops.CURRENT_MICROBATCH_ID.invoke())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("CURRENT_MICROBATCH_ID")
        .hasMessageContaining("outside a microbatch");
  }

  @Test
  void contextOps_insideEnteredContext_readIt() {
    Object info = "module-info";
    try (TaskContext.Scope s = TaskContext.enter(TaskContext.of(5, 99L, "microbatch", info))) {
      assertThat(Ops.CURRENT_TASK_ID.invoke()).isEqualTo(5).isInstanceOf(Integer.class);
      assertThat(Ops.CURRENT_MICROBATCH_ID.invoke()).isEqualTo(99L).isInstanceOf(Long.class);
      assertThat(Ops.CURRENT_TOPOLOGY_TYPE.invoke()).isEqualTo("microbatch");
      assertThat(Ops.MODULE_INSTANCE_INFO.invoke()).isSameAs(info);
    }
    assertThat(Ops.CURRENT_TASK_ID.invoke()).isEqualTo(0);
  }
}
