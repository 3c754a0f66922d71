package dev.deimos;

import java.io.Serializable;

/**
 * Marks a type whose instances may be shipped between tasks, workers and clients.
 *
 * <p>Functions, operations, navigators, partitioners and user record classes implement it so the
 * runtime can serialize them. Everything reachable from such an object must be serializable too; a
 * capturing lambda that holds an unserializable object fails when the runtime ships it.
 */
public interface DeimosSerializable extends Serializable {}
