package dev.deimos.impl.pstate;

import dev.deimos.PState;
import dev.deimos.impl.pstate.schema.ClassSchema;
import dev.deimos.impl.pstate.schema.MigratedSchemaNode;
import dev.deimos.impl.pstate.schema.SchemaNode;
import dev.deimos.impl.pstate.schema.SchemaRules;
import dev.deimos.impl.pstate.schema.SchemaValidator;
import dev.deimos.ops.DeimosFunction2;
import java.io.Serializable;

/**
 * A declared PState: name, schema and options, as recorded by {@code topology.pstate(...)}.
 *
 * <p>Plain data for the runtime; not thread-safe while being built.
 */
public final class PStateDeclaration implements PState.Declaration, Serializable {
  private static final long serialVersionUID = 1L;

  private final String name;
  private final SchemaNode schema;
  private boolean global;
  private boolean hasInitialValue;
  private Object initialValue;
  private boolean isPrivate;
  private Class<?> keyPartitioner;

  /**
   * Starts a declaration.
   *
   * @param name the PState var, e.g. {@code $$counts}
   * @param schema a {@code Class} or {@code PState.Schema}
   * @throws IllegalArgumentException for a bad name, a non-schema, or a schema breaking {@link
   *     SchemaRules}
   */
  public PStateDeclaration(String name, Object schema) {
    if (name == null || !name.startsWith("$$")) {
      throw new IllegalArgumentException("A PState name must start with $$, but got " + name);
    }
    this.name = name;
    this.schema = SchemaNode.of(schema);
    SchemaRules.checkDeclarable(name, this.schema);
  }

  @Override
  public PState.Declaration global() {
    global = true;
    return this;
  }

  @Override
  public PState.Declaration initialValue(Object val) {
    if (!(MigratedSchemaNode.unwrap(schema) instanceof ClassSchema)) {
      throw new IllegalArgumentException(
          "PState "
              + name
              + ": initialValue needs a Class schema, but the schema is "
              + schema.describe());
    }
    SchemaValidator.validate(name, schema, val);
    hasInitialValue = true;
    initialValue = val;
    return this;
  }

  @Override
  public PState.Declaration makePrivate() {
    isPrivate = true;
    return this;
  }

  @Override
  public <T, F extends DeimosFunction2<Integer, T, Integer>> PState.Declaration keyPartitioner(
      Class<F> partitionerClass) {
    keyPartitioner = partitionerClass;
    return this;
  }

  /** Returns the PState var. */
  public String getName() {
    return name;
  }

  /** Returns the schema. */
  public SchemaNode getSchema() {
    return schema;
  }

  /** Returns whether the PState has one partition. */
  public boolean isGlobal() {
    return global;
  }

  /** Returns whether {@link #initialValue} was called. */
  public boolean hasInitialValue() {
    return hasInitialValue;
  }

  /** Returns the initial value (null when none was given). */
  public Object getInitialValue() {
    return initialValue;
  }

  /** Returns whether only the declaring topology may read. */
  public boolean isPrivate() {
    return isPrivate;
  }

  /** Returns the custom key partitioner class, or null for hashing. */
  public Class<?> getKeyPartitioner() {
    return keyPartitioner;
  }
}
