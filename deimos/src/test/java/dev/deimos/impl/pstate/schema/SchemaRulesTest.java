package dev.deimos.impl.pstate.schema;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.deimos.PState;
import dev.deimos.impl.pstate.PStateDeclaration;
import org.junit.jupiter.api.Test;

class SchemaRulesTest {

  private static void check(PState.Schema s) {
    SchemaRules.checkDeclarable("$$p", SchemaNode.of(s));
  }

  private static PState.MigratedSchema mig(Object target, String id) {
    return PState.migrated(target, id, v -> v);
  }

  @Test
  void topLevelList_rejectedNamingPState() {
    assertThatThrownBy(() -> check(PState.listSchema(Long.class)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "PState $$p: a list schema cannot be the top level of a PState, got listSchema(Long)");
  }

  @Test
  void topLevelListUnderMigration_rejected() {
    assertThatThrownBy(() -> check(mig(PState.listSchema(Long.class), "m")))
        .hasMessageContaining("a list schema cannot be the top level");
  }

  @Test
  void nestedListsAndPlainSchemas_accepted() {
    assertThatCode(() -> check(PState.mapSchema(String.class, PState.listSchema(Long.class))))
        .doesNotThrowAnyException();
    assertThatCode(() -> check(PState.setSchema(String.class))).doesNotThrowAnyException();
    assertThatCode(() -> SchemaRules.checkDeclarable("$$p", SchemaNode.of(Long.class)))
        .doesNotThrowAnyException();
  }

  @Test
  void migrationsOnWholeStoredValues_accepted() {
    assertThatCode(() -> check(mig(Long.class, "root"))).doesNotThrowAnyException();
    assertThatCode(() -> check(PState.mapSchema(String.class, mig(Long.class, "topValue"))))
        .doesNotThrowAnyException();
    assertThatCode(() -> check(PState.fixedKeysSchema("a", mig(Long.class, "topField"))))
        .doesNotThrowAnyException();
    assertThatCode(
            () ->
                check(
                    PState.mapSchema(
                        String.class,
                        PState.mapSchema(String.class, mig(Long.class, "inSubindexed"))
                            .subindexed())))
        .doesNotThrowAnyException();
    assertThatCode(
            () ->
                check(
                    PState.mapSchema(
                        String.class,
                        mig(PState.listSchema(mig(String.class, "inner")).subindexed(), "outer"))))
        .doesNotThrowAnyException();
  }

  @Test
  void migrationInsidePlainNestedMap_rejectedNamingIdAndPlace() {
    PState.Schema s =
        PState.mapSchema(String.class, PState.mapSchema(String.class, mig(Long.class, "deep")));

    assertThatThrownBy(() -> check(s))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith(
            "PState $$p: migration \"deep\" at root -> values of mapSchema(String,"
                + " mapSchema(String, migrated(Long, \"deep\"))) -> values of"
                + " mapSchema(String, migrated(Long, \"deep\")) is inside a value stored in one"
                + " piece");
  }

  @Test
  void migrationInsideNestedFixedKeysField_rejected() {
    PState.Schema s =
        PState.mapSchema(String.class, PState.fixedKeysSchema("n", mig(Long.class, "field")));

    assertThatThrownBy(() -> check(s)).hasMessageContaining("migration \"field\" at root");
  }

  @Test
  void migrationInsidePlainListUnderMigratedValue_rejected() {
    PState.Schema s =
        PState.mapSchema(String.class, mig(PState.listSchema(mig(String.class, "inner")), "outer"));

    assertThatThrownBy(() -> check(s)).hasMessageContaining("migration \"inner\"");
  }

  @Test
  void declaration_appliesRules() {
    assertThatThrownBy(() -> new PStateDeclaration("$$l", PState.listSchema(Long.class)))
        .hasMessageStartingWith("PState $$l: a list schema cannot be the top level");
  }
}
