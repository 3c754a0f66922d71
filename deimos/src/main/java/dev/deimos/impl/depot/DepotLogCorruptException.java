package dev.deimos.impl.depot;

import java.io.IOException;
import java.nio.file.Path;

/**
 * A depot log file holds data that fails its checks somewhere other than an unsynced tail (a bad
 * CRC followed by records written after a later sync, a bad file header, a gap between segments).
 * Such data may have been acknowledged, so the log refuses to open or to serve it instead of
 * dropping it. Names the file, the byte position and, where known, the record offset.
 */
public final class DepotLogCorruptException extends IOException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param file the damaged file
   * @param offset the offset of the first damaged record, or -1 when it is not a record
   * @param position the byte position in the file
   * @param what what is wrong
   */
  public DepotLogCorruptException(Path file, long offset, long position, String what) {
    super(
        "depot log file "
            + file
            + " is corrupt at byte "
            + position
            + (offset >= 0 ? " (record offset " + offset + ")" : "")
            + ": "
            + what);
  }
}
