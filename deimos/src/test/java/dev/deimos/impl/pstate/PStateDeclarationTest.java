package dev.deimos.impl.pstate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.deimos.PState;
import dev.deimos.SchemaViolationException;
import dev.deimos.impl.pstate.schema.ClassSchema;
import dev.deimos.ops.DeimosFunction2;
import org.junit.jupiter.api.Test;

class PStateDeclarationTest {

  /** Sends every key to the last partition. */
  public static final class LastPartition implements DeimosFunction2<Integer, String, Integer> {
    @Override
    public Integer invoke(Integer numPartitions, String key) {
      return numPartitions - 1;
    }
  }

  @Test
  void newDeclaration_defaults_allOptionsOff() {
    PStateDeclaration d =
        new PStateDeclaration("$$counts", PState.mapSchema(String.class, Long.class));

    assertThat(d.getName()).isEqualTo("$$counts");
    assertThat(d.getSchema()).isEqualTo(PState.mapSchema(String.class, Long.class));
    assertThat(d.isGlobal()).isFalse();
    assertThat(d.isPrivate()).isFalse();
    assertThat(d.hasInitialValue()).isFalse();
    assertThat(d.getInitialValue()).isNull();
    assertThat(d.getKeyPartitioner()).isNull();
  }

  @Test
  void options_chained_allRecordedOnSameDeclaration() {
    PStateDeclaration d = new PStateDeclaration("$$total", Long.class);

    PState.Declaration r =
        d.global().makePrivate().initialValue(0L).keyPartitioner(LastPartition.class);

    assertThat(r).isSameAs(d);
    assertThat(d.getSchema()).isEqualTo(new ClassSchema(Long.class));
    assertThat(d.isGlobal()).isTrue();
    assertThat(d.isPrivate()).isTrue();
    assertThat(d.hasInitialValue()).isTrue();
    assertThat(d.getInitialValue()).isEqualTo(0L);
    assertThat(d.getKeyPartitioner()).isEqualTo(LastPartition.class);
  }

  @Test
  void initialValue_null_isRecordedAsGiven() {
    PStateDeclaration d = new PStateDeclaration("$$v", String.class);

    d.initialValue(null);

    assertThat(d.hasInitialValue()).isTrue();
    assertThat(d.getInitialValue()).isNull();
  }

  @Test
  void initialValue_onStructureSchema_throwsNamingSchema() {
    PStateDeclaration d = new PStateDeclaration("$$m", PState.mapSchema(String.class, Long.class));

    assertThatThrownBy(() -> d.initialValue(0L))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "PState $$m: initialValue needs a Class schema, but the schema is"
                + " mapSchema(String, Long)");
    assertThat(d.hasInitialValue()).isFalse();
  }

  @Test
  void initialValue_wrongType_throwsSchemaViolation() {
    PStateDeclaration d = new PStateDeclaration("$$total", Long.class);

    assertThatThrownBy(() -> d.initialValue(0))
        .isInstanceOf(SchemaViolationException.class)
        .hasMessage(
            "PState $$total: schema violation at root: value has type Integer, expected Long");
    assertThat(d.hasInitialValue()).isFalse();
  }

  @Test
  void initialValue_onMigratedClassSchema_accepted() {
    PStateDeclaration d = new PStateDeclaration("$$n", PState.migrated(Long.class, "m", v -> v));

    d.initialValue(5L);

    assertThat(d.getInitialValue()).isEqualTo(5L);
  }

  @Test
  void constructor_nameWithoutDollars_throws() {
    assertThatThrownBy(() -> new PStateDeclaration("counts", Long.class))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("A PState name must start with $$, but got counts");
    assertThatThrownBy(() -> new PStateDeclaration(null, Long.class))
        .hasMessage("A PState name must start with $$, but got null");
  }

  @Test
  void constructor_badSchema_throws() {
    assertThatThrownBy(() -> new PStateDeclaration("$$x", 42))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageEndingWith("but got java.lang.Integer");
  }
}
