package dev.deimos.ops;

import static org.assertj.core.api.Assertions.assertThat;

import dev.deimos.impl.data.Functions;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.util.List;
import org.junit.jupiter.api.Test;

class OpsSerializationTest {

  private static Object roundTrip(Object o) throws Exception {
    ByteArrayOutputStream buf = new ByteArrayOutputStream();
    try (ObjectOutputStream out = new ObjectOutputStream(buf)) {
      out.writeObject(o);
    }
    try (ObjectInputStream in =
        new ObjectInputStream(new ByteArrayInputStream(buf.toByteArray()))) {
      return in.readObject();
    }
  }

  @Test
  void everyConstant_roundTrip_keepsSingletonIdentity() throws Exception {
    assertThat(Ops.all()).hasSize(53);
    for (NativeOp op : Ops.all()) {
      assertThat(roundTrip(op)).as(op.toString()).isSameAs(op);
    }
  }

  @Test
  void constantsInsideACollection_roundTrip_stillWork() throws Exception {
    @SuppressWarnings("unchecked")
    List<Object> copy = (List<Object>) roundTrip(List.of(Ops.PLUS, Ops.SIZE));
    assertThat(Functions.invoke(copy.get(0), 1, 2)).isEqualTo(3);
    assertThat(Functions.invoke(copy.get(1), List.of(1))).isEqualTo(1);
  }

  @Test
  void toStringAndName_identifyTheConstant() {
    assertThat(Ops.PLUS).hasToString("Ops.PLUS");
    assertThat(Ops.EXPLODE_MAP.name()).isEqualTo("EXPLODE_MAP");
  }

  @Test
  void functionsInvoke_wrongArityOnFixedConstant_namesTheConstant() {
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> Functions.invoke(Ops.INC, 1, 2))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("Ops.INC")
        .hasMessageContaining("2 arguments");
  }
}
