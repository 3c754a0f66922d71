package dev.deimos.impl.dataflow;

import java.io.Serializable;

/** What a source node reads from, and the vars the runtime binds before its first step. */
final class SourceSpec implements Serializable {
  private static final long serialVersionUID = 1L;

  final String depotVar;
  final String[] preBound;

  SourceSpec(String depotVar, String[] preBound) {
    this.depotVar = depotVar;
    this.preBound = preBound;
  }
}
