package dev.deimos.helpers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.deimos.Block;
import dev.deimos.PState;
import dev.deimos.Path;
import dev.deimos.helpers.TopologyUtils.ExtractJavaField;
import dev.deimos.test.TestPState;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class TopologyUtilsTest {

  static class Base {
    public String shared = "base";
    private final long baseOnly = 42L;
  }

  static class Event extends Base {
    public final String userId;
    private final int amount;
    public String shared = "event";
    static String staticField = "static";

    Event(String userId, int amount) {
      this.userId = userId;
      this.amount = amount;
    }
  }

  static class Other {
    public final String userId = "other";
  }

  private final List<Object> seen = new ArrayList<>();

  private Object record(Object a, Object b) {
    seen.add(a);
    seen.add(b);
    return null;
  }

  @Test
  void getFieldByName_publicAndPrivateFields_returnsValues() {
    Event e = new Event("alice", 7);
    assertThat((String) TopologyUtils.getFieldByName(e, "userId")).isEqualTo("alice");
    assertThat((Integer) TopologyUtils.getFieldByName(e, "amount")).isEqualTo(7);
  }

  @Test
  void getFieldByName_inheritedAndShadowedFields_subclassWins() {
    Event e = new Event("alice", 7);
    assertThat((Long) TopologyUtils.getFieldByName(e, "baseOnly")).isEqualTo(42L);
    assertThat((String) TopologyUtils.getFieldByName(e, "shared")).isEqualTo("event");
  }

  @Test
  void getFieldByName_missingField_errorNamesClassAndField() {
    assertThatThrownBy(() -> TopologyUtils.getFieldByName(new Event("a", 1), "nope"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'nope'")
        .hasMessageContaining(Event.class.getName())
        .hasMessageContaining("userId");
  }

  @Test
  void getFieldByName_staticField_isNotReadable() {
    assertThatThrownBy(() -> TopologyUtils.getFieldByName(new Event("a", 1), "staticField"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("staticField");
  }

  @Test
  void getFieldByName_null_errorNamesField() {
    assertThatThrownBy(() -> TopologyUtils.getFieldByName(null, "userId"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("userId");
  }

  @Test
  void getFieldCache_sameClass_returnsSameCachedMap() {
    assertThat(TopologyUtils.getFieldCache(Event.class))
        .isSameAs(TopologyUtils.getFieldCache(Event.class))
        .containsOnlyKeys("userId", "amount", "shared", "baseOnly");
    // Rama's contract: reflective Fields; the subclass field hides the superclass one.
    assertThat(TopologyUtils.getFieldCache(Event.class).get("shared").getDeclaringClass())
        .isEqualTo(Event.class);
    assertThat(TopologyUtils.getFieldCache(Event.class).get("baseOnly").getDeclaringClass())
        .isEqualTo(Base.class);
  }

  @Test
  void getFieldCache_jdkClass_keepsOnlyReadableFields() {
    // java.lang is closed to us, and String has no public instance fields.
    assertThat(TopologyUtils.getFieldCache(String.class)).isEmpty();
  }

  @Test
  void extractJavaField_differentClassesInTurn_readsEachCorrectly() {
    ExtractJavaField f = new ExtractJavaField("userId");
    assertThat(f.invoke(new Event("alice", 1))).isEqualTo("alice");
    assertThat(f.invoke(new Other())).isEqualTo("other");
    assertThat(f.invoke(new Event("bob", 2))).isEqualTo("bob");
  }

  @Test
  void extractJavaField_subclassWithNoArgCtor_usesOverriddenName() {
    ExtractJavaField f =
        new ExtractJavaField() {
          @Override
          public String getFieldName() {
            return "amount";
          }
        };
    assertThat(f.invoke(new Event("alice", 9))).isEqualTo(9);
  }

  @Test
  void extractJavaField_missingFieldAfterCachedClass_errorNamesClass() {
    ExtractJavaField f = new ExtractJavaField("amount");
    assertThat(f.invoke(new Event("a", 3))).isEqualTo(3);
    assertThatThrownBy(() -> f.invoke(new Other()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'amount'")
        .hasMessageContaining(Other.class.getName());
  }

  @Test
  void extractJavaField_serializedAfterUse_stillReadsField() throws Exception {
    ExtractJavaField f = new ExtractJavaField("userId");
    assertThat(f.invoke(new Event("alice", 1))).isEqualTo("alice");
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
      out.writeObject(f);
    }
    ExtractJavaField copy;
    try (ObjectInputStream in =
        new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
      copy = (ExtractJavaField) in.readObject();
    }
    assertThat(copy.getFieldName()).isEqualTo("userId");
    assertThat(copy.invoke(new Other())).isEqualTo("other");
  }

  @Test
  void extractJavaFields_inDataflow_bindsVarsFromFields() {
    Block.each((Object x) -> x, new Event("alice", 5))
        .out("*e")
        .macro(TopologyUtils.extractJavaFields("*e", "*userId", "*amount"))
        .each(this::record, "*userId", "*amount")
        .execute();
    assertThat(seen).containsExactly("alice", 5);
  }

  @Test
  void extractJavaFields_writesFieldsIntoTestPState() throws Exception {
    try (TestPState p = TestPState.create(PState.mapSchema(String.class, Integer.class))) {
      Block.each((Object x) -> x, p)
          .out("$$p")
          .macro(TopologyUtils.extractJavaFields(new Event("bob", 11), "*userId", "*amount"))
          .localTransform("$$p", Path.key("*userId").termVal("*amount"))
          .execute();
      assertThat((Integer) p.selectOne(Path.key("bob"))).isEqualTo(11);
    }
  }

  @Test
  void extractJavaFields_fieldVarWithoutStar_throwsNamingIt() {
    assertThatThrownBy(() -> TopologyUtils.extractJavaFields("*e", "*ok", "userId"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'userId'");
  }

  @Test
  void extractJavaFields_missingField_failsWhenRun() {
    Block b =
        Block.each((Object x) -> x, new Other())
            .out("*e")
            .macro(TopologyUtils.extractJavaFields("*e", "*amount"));
    assertThatThrownBy(() -> ((Block.Impl) b).execute())
        .hasStackTraceContaining("'amount'")
        .hasStackTraceContaining(Other.class.getName());
  }
}
