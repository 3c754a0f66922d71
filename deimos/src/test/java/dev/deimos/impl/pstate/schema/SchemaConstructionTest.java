package dev.deimos.impl.pstate.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.deimos.PState;
import dev.deimos.SubindexOptions;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SchemaConstructionTest {

  @Test
  void mapSchema_classes_recordsKeyAndValueClasses() {
    PState.Schema s = PState.mapSchema(String.class, Long.class);

    assertThat(s).isInstanceOf(MapSchema.class);
    MapSchema m = (MapSchema) s;
    assertThat(m.keyClass()).isEqualTo(String.class);
    assertThat(m.valueSchema()).isEqualTo(new ClassSchema(Long.class));
    assertThat(m.isSubindexed()).isFalse();
    assertThat(m.isSizeTracked()).isFalse();
    assertThat(m.describe()).isEqualTo("mapSchema(String, Long)");
  }

  @Test
  void mapSchema_primitiveClasses_areBoxed() {
    MapSchema m = (MapSchema) PState.mapSchema(long.class, int.class);

    assertThat(m.keyClass()).isEqualTo(Long.class);
    assertThat(m.valueSchema()).isEqualTo(new ClassSchema(Integer.class));
  }

  @Test
  void mapSchema_nestedSchema_keepsNestedNode() {
    PState.Schema inner = PState.setSchema(Integer.class);
    MapSchema m = (MapSchema) PState.mapSchema(String.class, inner);

    assertThat(m.valueSchema()).isSameAs(inner);
    assertThat(m.describe()).isEqualTo("mapSchema(String, setSchema(Integer))");
  }

  @Test
  void subindexed_noOptions_returnsNewSizeTrackedCopy() {
    PState.Schema plain = PState.mapSchema(String.class, Long.class);
    MapSchema sub = (MapSchema) plain.subindexed();

    assertThat(sub.isSubindexed()).isTrue();
    assertThat(sub.isSizeTracked()).isTrue();
    assertThat(((MapSchema) plain).isSubindexed()).isFalse();
    assertThat(sub.describe()).isEqualTo("mapSchema(String, Long).subindexed()");
  }

  @Test
  void subindexed_withoutSizeTracking_turnsCounterOff() {
    SetSchema set =
        (SetSchema)
            PState.setSchema(String.class).subindexed(SubindexOptions.withoutSizeTracking());
    MapSchema map =
        (MapSchema)
            PState.mapSchema(String.class, Long.class)
                .subindexed(SubindexOptions.create().withoutSizeTracking());

    assertThat(set.isSubindexed()).isTrue();
    assertThat(set.isSizeTracked()).isFalse();
    assertThat(map.isSubindexed()).isTrue();
    assertThat(map.isSizeTracked()).isFalse();
  }

  @Test
  void subindexed_defaultOptions_keepsSizeTracking() {
    SetSchema set = (SetSchema) PState.setSchema(String.class).subindexed(SubindexOptions.create());

    assertThat(set.isSizeTracked()).isTrue();
  }

  @Test
  void subindexedList_withoutSizeTracking_stillTracksSize() {
    ListSchema l =
        (ListSchema)
            PState.listSchema(Long.class).subindexed(SubindexOptions.withoutSizeTracking());

    assertThat(l.isSubindexed()).isTrue();
    assertThat(l.isSizeTracked()).isTrue();
    assertThat(l.elementSchema()).isEqualTo(new ClassSchema(Long.class));
  }

  @Test
  void equalSchemas_builtTwice_areEqual() {
    assertThat(PState.mapSchema(String.class, PState.listSchema(Long.class)))
        .isEqualTo(PState.mapSchema(String.class, PState.listSchema(Long.class)))
        .isNotEqualTo(PState.mapSchema(String.class, PState.listSchema(Integer.class)));
  }

  @Test
  void fixedKeysSchema_alternatingArgs_keepsDeclarationOrder() {
    FixedKeysSchema f =
        (FixedKeysSchema)
            PState.fixedKeysSchema(
                "name", String.class, "age", Integer.class, "tags", PState.setSchema(String.class));

    assertThat(List.copyOf(f.fields().keySet())).containsExactly("name", "age", "tags");
    assertThat(f.fields().get("age")).isEqualTo(new ClassSchema(Integer.class));
    assertThat(f.fields().get("tags")).isEqualTo(PState.setSchema(String.class));
    assertThat(f.describe())
        .isEqualTo("fixedKeysSchema(name: String, age: Integer, tags: setSchema(String))");
  }

  @Test
  void fixedKeysSchema_oddArgumentCount_throwsNamingCount() {
    assertThatThrownBy(() -> PState.fixedKeysSchema("a", String.class, "b"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("got 3 arguments");
  }

  @Test
  void fixedKeysSchema_repeatedKey_throwsNamingKey() {
    assertThatThrownBy(() -> PState.fixedKeysSchema("a", String.class, "a", Long.class))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("fixedKeysSchema declares key a twice");
  }

  @Test
  void fixedKeysSchema_nonSchemaValue_throwsNamingType() {
    assertThatThrownBy(() -> PState.fixedKeysSchema("a", "notASchema"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("java.lang.String");
  }

  @Test
  void fixedKeysSchema_fields_areUnmodifiable() {
    FixedKeysSchema f = (FixedKeysSchema) PState.fixedKeysSchema("a", String.class);
    Map<Object, SchemaNode> fields = f.fields();

    assertThatThrownBy(() -> fields.put("b", new ClassSchema(Long.class)))
        .isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void subindexed_onFixedKeysOrClass_throws() {
    assertThatThrownBy(() -> PState.fixedKeysSchema("a", String.class).subindexed())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "fixedKeysSchema(a: String) cannot be subindexed: only map, set and list schemas can"
                + " be");
    assertThatThrownBy(() -> new ClassSchema(Long.class).subindexed())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("Long cannot be subindexed");
  }

  @Test
  void migrated_options_accumulateOnCopies() {
    PState.MigratedSchema base =
        PState.migrated(PState.fixedKeysSchema("a", String.class, "c", Long.class), "m1", v -> v);
    PState.MigratedSchema opts = base.addFixedKeys("c").removeFixedKeys("b").migrateToSubindexed();

    MigratedSchemaNode n = (MigratedSchemaNode) opts;
    assertThat(n.migrationId()).isEqualTo("m1");
    assertThat(n.addedFixedKeys()).containsExactly("c");
    assertThat(n.removedFixedKeys()).containsExactly("b");
    assertThat(n.toSubindexed()).isTrue();
    assertThat(((MigratedSchemaNode) base).addedFixedKeys()).isEmpty();
    assertThat(((MigratedSchemaNode) base).toSubindexed()).isFalse();
    assertThat(n.describe()).isEqualTo("migrated(fixedKeysSchema(a: String, c: Long), \"m1\")");
  }

  @Test
  void migrated_subindexed_subindexesTarget() {
    MigratedSchemaNode n =
        (MigratedSchemaNode)
            PState.migrated(PState.mapSchema(String.class, Long.class), "m", v -> v).subindexed();

    assertThat(n.isSubindexed()).isTrue();
    assertThat(n.target()).isEqualTo(PState.mapSchema(String.class, Long.class).subindexed());
  }

  @Test
  void migrated_badArguments_throw() {
    assertThatThrownBy(() -> PState.migrated(Long.class, "", v -> v))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("non-empty migration id");
    assertThatThrownBy(() -> PState.migrated(Long.class, "m2", null))
        .hasMessage("PState migration m2 has no function");
    assertThatThrownBy(
            () -> PState.migrated(PState.migrated(Long.class, "inner", v -> v), "outer", v -> v))
        .hasMessageContaining("outer wraps another migrated schema");
  }

  @Test
  void schemaNodeOf_null_throws() {
    assertThatThrownBy(() -> SchemaNode.of(null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageEndingWith("but got null");
  }
}
