package dev.deimos.server.testmodules;

import dev.deimos.DeimosModule;

/** A module whose {@code define} throws. */
public class ThrowingModule implements DeimosModule {
  @Override
  public void define(Setup setup, Topologies topologies) {
    throw new IllegalStateException("define of ThrowingModule fails on purpose");
  }
}
