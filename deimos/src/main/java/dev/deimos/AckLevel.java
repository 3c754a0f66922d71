package dev.deimos;

/** How long a depot append waits before returning. */
public enum AckLevel {
  /** Returns once the record is handed to the module, before it is stored. */
  NONE,
  /** Returns once the record is stored in its depot partition. */
  APPEND_ACK,
  /** Returns once every stream topology of the module reading the depot finished the record. */
  ACK
}
