package dev.deimos.impl.runtime;

import dev.deimos.module.StreamSourceOptions;
import java.io.Serializable;

/** The one implementation of {@link StreamSourceOptions}. */
public final class SourceOptions implements StreamSourceOptions.Impl, Serializable {
  private static final long serialVersionUID = 1L;

  /** Retries of a failed record by default and with retryAllAfter. */
  static final int DEFAULT_RETRIES = 3;

  private int retries = DEFAULT_RETRIES;
  private boolean fromBeginning;

  @Override
  public StreamSourceOptions.Impl retryAllAfter() {
    retries = DEFAULT_RETRIES;
    return this;
  }

  @Override
  public StreamSourceOptions.Impl retryNone() {
    retries = 0;
    return this;
  }

  @Override
  public StreamSourceOptions.Impl startFromBeginning() {
    fromBeginning = true;
    return this;
  }

  int retries() {
    return retries;
  }

  boolean fromBeginning() {
    return fromBeginning;
  }
}
