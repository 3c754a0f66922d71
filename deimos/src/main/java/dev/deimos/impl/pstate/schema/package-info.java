/**
 * The PState schema model: {@link dev.deimos.impl.pstate.schema.SchemaNode} and its records (class,
 * map, set, list, fixed keys, migrated), which implement the public {@code PState.Schema} builders;
 * plus {@link dev.deimos.impl.pstate.schema.SchemaValidator} (checks values against a schema) and
 * {@link dev.deimos.impl.pstate.schema.SchemaRules} (placement rules checked at declaration).
 * {@link dev.deimos.impl.pstate.schema.MigratedSchemaNode#migrate} converts old values on read.
 *
 * <p>May use the public API and {@code impl.data}.
 */
package dev.deimos.impl.pstate.schema;
