package dev.deimos.impl.pstate.schema;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.deimos.PState;
import dev.deimos.impl.pstate.PStateDeclaration;
import org.junit.jupiter.api.Test;

class SchemaCompatibilityTest {
  private static PStateDeclaration decl(Object schema) {
    return new PStateDeclaration("$$p", schema);
  }

  @Test
  void sameSchema_orWidenedClass_compatible() {
    assertThatCode(
            () ->
                SchemaCompatibility.check(
                    decl(PState.mapSchema(String.class, Long.class)),
                    decl(PState.mapSchema(String.class, Number.class))))
        .doesNotThrowAnyException();
  }

  @Test
  void changedValueClass_withoutMigration_failsNamingPStateAndLocation() {
    assertThatThrownBy(
            () ->
                SchemaCompatibility.check(
                    decl(PState.mapSchema(String.class, PState.listSchema(Long.class))),
                    decl(PState.mapSchema(String.class, PState.listSchema(String.class)))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("$$p")
        .hasMessageContaining("root -> map values -> list elements")
        .hasMessageContaining("PState.migrated");
  }

  @Test
  void changedValueClass_withMigration_compatible() {
    assertThatCode(
            () ->
                SchemaCompatibility.check(
                    decl(PState.mapSchema(String.class, Long.class)),
                    decl(
                        PState.mapSchema(
                            String.class, PState.migrated(String.class, "s", v -> "" + v)))))
        .doesNotThrowAnyException();
  }

  @Test
  void subindexingChange_needsMigrateToSubindexed() {
    PStateDeclaration old = decl(PState.mapSchema(String.class, PState.setSchema(Long.class)));
    assertThatThrownBy(
            () ->
                SchemaCompatibility.check(
                    old,
                    decl(
                        PState.mapSchema(String.class, PState.setSchema(Long.class).subindexed()))))
        .hasMessageContaining("subindexing changed");
    assertThatThrownBy(
            () ->
                SchemaCompatibility.check(
                    old,
                    decl(
                        PState.mapSchema(
                            String.class,
                            PState.migrated(
                                PState.setSchema(Long.class).subindexed(), "m", v -> v)))))
        .hasMessageContaining("migrateToSubindexed");
    assertThatCode(
            () ->
                SchemaCompatibility.check(
                    old,
                    decl(
                        PState.mapSchema(
                            String.class,
                            PState.migrated(PState.setSchema(Long.class).subindexed(), "m", v -> v)
                                .migrateToSubindexed()))))
        .doesNotThrowAnyException();
  }

  @Test
  void fixedKeysAdded_needDeclaringInMigration() {
    PStateDeclaration old =
        decl(PState.mapSchema(String.class, PState.fixedKeysSchema("a", Long.class)));
    PState.Schema grown = PState.fixedKeysSchema("a", Long.class, "b", String.class);
    assertThatThrownBy(
            () -> SchemaCompatibility.check(old, decl(PState.mapSchema(String.class, grown))))
        .hasMessageContaining("fixed keys");
    assertThatThrownBy(
            () ->
                SchemaCompatibility.check(
                    old, decl(PState.mapSchema(String.class, PState.migrated(grown, "g", v -> v)))))
        .hasMessageContaining("addFixedKeys");
    assertThatCode(
            () ->
                SchemaCompatibility.check(
                    old,
                    decl(
                        PState.mapSchema(
                            String.class, PState.migrated(grown, "g", v -> v).addFixedKeys("b")))))
        .doesNotThrowAnyException();
  }
}
