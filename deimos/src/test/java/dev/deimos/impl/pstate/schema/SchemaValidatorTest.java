package dev.deimos.impl.pstate.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.deimos.PState;
import dev.deimos.SchemaViolationException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SchemaValidatorTest {

  private static SchemaNode node(Object classOrSchema) {
    return SchemaNode.of(classOrSchema);
  }

  private static final SchemaNode PROFILES =
      node(
          PState.mapSchema(
              String.class,
              PState.fixedKeysSchema(
                  "name",
                  String.class,
                  "scores",
                  PState.listSchema(Long.class),
                  "friends",
                  PState.setSchema(String.class),
                  "counts",
                  PState.mapSchema(String.class, Integer.class))));

  @Test
  void validate_nestedValidValue_passes() {
    Map<String, Object> alice = new HashMap<>();
    alice.put("name", "Alice");
    alice.put("scores", List.of(1L, 2L, 3L));
    alice.put("friends", Set.of("bob"));
    alice.put("counts", Map.of("x", 1));
    Map<String, Object> bob = Map.of("name", "Bob");

    assertThatCode(
            () ->
                SchemaValidator.validate("$$profiles", PROFILES, Map.of("alice", alice, "b", bob)))
        .doesNotThrowAnyException();
  }

  @Test
  void validate_nullsAndEmptyStructures_pass() {
    Map<String, Object> withNullValue = new HashMap<>();
    withNullValue.put("alice", null);

    assertThatCode(() -> SchemaValidator.validate("$$p", PROFILES, null))
        .doesNotThrowAnyException();
    assertThatCode(() -> SchemaValidator.validate("$$p", PROFILES, withNullValue))
        .doesNotThrowAnyException();
    assertThatCode(() -> SchemaValidator.validate("$$p", PROFILES, Map.of("a", Map.of())))
        .doesNotThrowAnyException();
    assertThatCode(
            () ->
                SchemaValidator.validate(
                    "$$p", node(PState.listSchema(Long.class)), Arrays.asList(1L, null)))
        .doesNotThrowAnyException();
  }

  @Test
  void validate_integerWhereLongExpected_namesTypesAndLocation() {
    Map<String, Object> alice = Map.of("scores", List.of(1L, 2));

    assertThatThrownBy(
            () -> SchemaValidator.validate("$$profiles", PROFILES, Map.of("alice", alice)))
        .isInstanceOf(SchemaViolationException.class)
        .hasMessage(
            "PState $$profiles: schema violation at root -> key \"alice\" -> key \"scores\""
                + " -> key 1 (Integer): value has type Integer, expected Long");
  }

  @Test
  void validate_violation_exposesPStateAndLocation() {
    Map<String, Object> alice = Map.of("counts", Map.of("x", 5L));

    SchemaViolationException e =
        (SchemaViolationException)
            org.assertj.core.api.Assertions.catchThrowable(
                () -> SchemaValidator.validate("$$profiles", PROFILES, Map.of("alice", alice)));

    assertThat(e).isNotNull();
    assertThat(e.getPStateName()).isEqualTo("$$profiles");
    assertThat(e.getLocation()).containsExactly("alice", "counts", "x");
    assertThat(e.getMessage()).endsWith("value has type Long, expected Integer");
  }

  @Test
  void validate_wrongMapKeyType_namesKey() {
    SchemaNode s = node(PState.mapSchema(String.class, Long.class));

    assertThatThrownBy(() -> SchemaValidator.validate("$$m", s, Map.of(7, 1L)))
        .isInstanceOf(SchemaViolationException.class)
        .hasMessage(
            "PState $$m: schema violation at root: map key 7 has type Integer, expected String");
  }

  @Test
  void validate_nullMapKey_rejected() {
    SchemaNode s = node(PState.mapSchema(String.class, Long.class));
    Map<String, Long> m = new HashMap<>();
    m.put(null, 1L);

    assertThatThrownBy(() -> SchemaValidator.validate("$$m", s, m))
        .hasMessageEndingWith("map key is null, expected a String");
  }

  @Test
  void validate_listWhereMapExpected_namesExpectedSchema() {
    SchemaNode s = node(PState.mapSchema(String.class, Long.class));

    assertThatThrownBy(() -> SchemaValidator.validate("$$m", s, new ArrayList<>(List.of(1L))))
        .hasMessageEndingWith("value has type ArrayList, expected Map for mapSchema(String, Long)");
  }

  @Test
  void validate_badSetElement_namesElementType() {
    SchemaNode s = node(PState.mapSchema(String.class, PState.setSchema(String.class)));
    Set<Object> set = new HashSet<>(List.of("ok", 3.5));

    assertThatThrownBy(() -> SchemaValidator.validate("$$s", s, Map.of("k", set)))
        .hasMessage(
            "PState $$s: schema violation at root -> key \"k\": set element has type Double,"
                + " expected String");
  }

  @Test
  void validate_listWhereSetExpected_rejected() {
    SchemaNode s = node(PState.setSchema(String.class));

    assertThatThrownBy(() -> SchemaValidator.validate("$$s", s, List.of("a")))
        .hasMessageContaining("expected Set for setSchema(String)");
  }

  @Test
  void validate_undeclaredFixedKey_namesKeyAndDeclaredKeys() {
    SchemaNode s = node(PState.fixedKeysSchema("a", Long.class, "b", String.class));

    assertThatThrownBy(() -> SchemaValidator.validate("$$f", s, Map.of("z", 1L)))
        .hasMessage(
            "PState $$f: schema violation at root: key z is not one of the fixed keys [a, b]");
  }

  @Test
  void validate_classSchema_acceptsSubclassesRejectsOthers() {
    SchemaNode number = node(Number.class);

    assertThatCode(() -> SchemaValidator.validate("$$n", number, 3)).doesNotThrowAnyException();
    assertThatCode(() -> SchemaValidator.validate("$$n", number, 3.0)).doesNotThrowAnyException();
    assertThatThrownBy(() -> SchemaValidator.validate("$$n", number, "3"))
        .hasMessage("PState $$n: schema violation at root: value has type String, expected Number");
  }

  @Test
  void validate_primitiveClassSchema_acceptsBox() {
    assertThatCode(() -> SchemaValidator.validate("$$n", node(long.class), 4L))
        .doesNotThrowAnyException();
    assertThatThrownBy(() -> SchemaValidator.validate("$$n", node(long.class), 4))
        .hasMessageEndingWith("value has type Integer, expected Long");
  }

  @Test
  void validate_migratedSchema_checksAgainstTarget() {
    SchemaNode s = node(PState.migrated(PState.listSchema(String.class), "m", v -> v));

    assertThatCode(() -> SchemaValidator.validate("$$g", s, List.of("a")))
        .doesNotThrowAnyException();
    assertThatThrownBy(() -> SchemaValidator.validate("$$g", s, List.of(1L)))
        .hasMessageEndingWith("value has type Long, expected String");
  }

  @Test
  void validate_storedStructureOfSameSchema_passesOtherwiseRejected() {
    SchemaNode sub = node(PState.setSchema(Long.class).subindexed());
    StoredStructure stored = () -> sub;
    StoredStructure wrong = () -> node(PState.setSchema(String.class).subindexed());
    SchemaNode outer = node(PState.mapSchema(String.class, sub));

    assertThatCode(() -> SchemaValidator.validate("$$v", outer, Map.of("k", stored)))
        .doesNotThrowAnyException();
    assertThatThrownBy(() -> SchemaValidator.validate("$$v", outer, Map.of("k", wrong)))
        .hasMessageEndingWith(
            "expected setSchema(Long).subindexed() but got a subindexed"
                + " setSchema(String).subindexed()");
  }

  @Test
  void validate_storedStructureUnderClassSchema_acceptedOnlyIfClassFits() {
    StoredStructure storedMap = () -> node(PState.mapSchema(String.class, Long.class).subindexed());

    assertThatCode(() -> SchemaValidator.validate("$$c", node(Map.class), storedMap))
        .doesNotThrowAnyException();
    assertThatCode(() -> SchemaValidator.validate("$$c", node(Object.class), storedMap))
        .doesNotThrowAnyException();
    assertThatThrownBy(() -> SchemaValidator.validate("$$c", node(List.class), storedMap))
        .isInstanceOf(SchemaViolationException.class)
        .hasMessageContaining("expected List but got a subindexed mapSchema(String, Long)");
  }

  @Test
  void validate_locationList_isRestoredAfterCheck() {
    List<Object> location = new ArrayList<>(List.of("outer"));
    SchemaNode s = node(PState.mapSchema(String.class, PState.listSchema(Long.class)));

    SchemaValidator.validate("$$p", s, Map.of("k", List.of(1L, 2L)), location);

    assertThat(location).containsExactly("outer");
  }

  @Test
  void migrate_appliesFunctionAndKeepsNull() {
    MigratedSchemaNode m =
        (MigratedSchemaNode)
            PState.migrated(
                Long.class, "toLong", v -> v instanceof String ? Long.parseLong((String) v) : v);

    assertThat(m.migrate("42")).isEqualTo(42L);
    assertThat(m.migrate(7L)).isEqualTo(7L);
    assertThat(m.migrate(null)).isNull();
  }

  @Test
  void migrate_functionThrows_wrapsWithMigrationId() {
    MigratedSchemaNode m =
        (MigratedSchemaNode) PState.migrated(Long.class, "parse", v -> Long.parseLong((String) v));

    assertThatThrownBy(() -> m.migrate("x"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("PState migration parse failed on a value of type String")
        .hasCauseInstanceOf(NumberFormatException.class);
  }
}
