package dev.deimos;

import java.io.DataInput;
import java.io.DataOutput;

/**
 * Serialization of a type the built-in formats do not cover well (for example generated Thrift or
 * Protobuf classes). Register the implementing class with {@code InProcessCluster.create(List)};
 * the runtime then uses it wherever a value of the target type (or a subtype) is written: depot
 * records and frames sent between workers. The class needs a public no-argument constructor.
 *
 * @param <T> the serialized type
 */
public interface DeimosCustomSerialization<T> {
  /**
   * Writes {@code o}.
   *
   * @param o the object
   * @param out where to write it
   * @throws Exception if it cannot be written
   */
  void serialize(T o, DataOutput out) throws Exception;

  /**
   * Reads an object written by {@link #serialize}.
   *
   * @param in the bytes
   * @return a new object
   * @throws Exception if it cannot be read
   */
  T deserialize(DataInput in) throws Exception;

  /**
   * Returns the base type this serializer handles; every subtype uses it too.
   *
   * @return the target type
   */
  @SuppressWarnings("rawtypes")
  Class targetType();
}
