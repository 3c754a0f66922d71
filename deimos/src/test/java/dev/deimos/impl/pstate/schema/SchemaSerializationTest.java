package dev.deimos.impl.pstate.schema;

import static org.assertj.core.api.Assertions.assertThat;

import dev.deimos.PState;
import dev.deimos.SubindexOptions;
import dev.deimos.impl.pstate.PStateDeclaration;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import org.junit.jupiter.api.Test;

class SchemaSerializationTest {

  private static Object roundTrip(Object o) throws IOException, ClassNotFoundException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
      out.writeObject(o);
    }
    try (ObjectInputStream in =
        new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
      return in.readObject();
    }
  }

  @Test
  void nestedSchema_javaSerialization_equalAfterRoundTrip() throws Exception {
    PState.Schema s =
        PState.mapSchema(
                String.class,
                PState.fixedKeysSchema(
                    "tags",
                    PState.setSchema(String.class)
                        .subindexed(SubindexOptions.withoutSizeTracking()),
                    "log",
                    PState.listSchema(Long.class).subindexed()))
            .subindexed();

    Object back = roundTrip(s);

    assertThat(back).isEqualTo(s).isNotSameAs(s);
    assertThat(((SchemaNode) back).describe()).isEqualTo(((SchemaNode) s).describe());
  }

  @Test
  void migratedSchema_javaSerialization_keepsWorkingFunction() throws Exception {
    PState.MigratedSchema s =
        PState.migrated(
                Long.class, "toLong", v -> v instanceof Integer ? ((Integer) v).longValue() : v)
            .addFixedKeys("a");

    MigratedSchemaNode back = (MigratedSchemaNode) roundTrip(s);

    assertThat(back.migrationId()).isEqualTo("toLong");
    assertThat(back.addedFixedKeys()).containsExactly("a");
    assertThat(back.target()).isEqualTo(new ClassSchema(Long.class));
    assertThat(back.migrate(3)).isEqualTo(3L);
  }

  @Test
  void declaration_javaSerialization_keepsOptions() throws Exception {
    PStateDeclaration d = new PStateDeclaration("$$total", Long.class);
    d.global().initialValue(10L);

    PStateDeclaration back = (PStateDeclaration) roundTrip(d);

    assertThat(back.getName()).isEqualTo("$$total");
    assertThat(back.getSchema()).isEqualTo(new ClassSchema(Long.class));
    assertThat(back.isGlobal()).isTrue();
    assertThat(back.isPrivate()).isFalse();
    assertThat(back.getInitialValue()).isEqualTo(10L);
  }
}
