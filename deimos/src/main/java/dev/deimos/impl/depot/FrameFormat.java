package dev.deimos.impl.depot;

import java.nio.ByteBuffer;
import java.util.Locale;
import java.util.zip.CRC32C;

/**
 * The on-disk layout of a depot log segment file (version 1), all integers big-endian.
 *
 * <pre>
 * file header (20 bytes): magic "DDLG" | int version | long base offset | int CRC32C of the 16
 * frame (20 + n bytes):   int length n (bit 31: first frame of a write batch) | long append millis
 *                         | int CRC32C of the 12 bytes before | int CRC32C of the payload | payload
 * </pre>
 *
 * <p>The header CRC lets recovery and the sparse index walk frames without reading payloads; the
 * batch-start bit lets recovery tell an unsynced tail from damage to synced data (see {@link
 * SegmentRecovery}).
 */
final class FrameFormat {
  static final int MAGIC = 0x44444C47; // "DDLG"
  static final int VERSION = 1;
  static final int FILE_HEADER_BYTES = 20;
  static final int FRAME_HEADER_BYTES = 20;
  static final int BATCH_START = 0x8000_0000;
  static final int LENGTH_MASK = 0x7FFF_FFFF;

  /** Largest payload; keeps a frame addressable by one int and one array. */
  static final int MAX_RECORD_BYTES = (1 << 30) - FRAME_HEADER_BYTES;

  static final String SUFFIX = ".seg";

  private FrameFormat() {}

  static String segmentName(long baseOffset) {
    return String.format(Locale.ROOT, "%020d%s", baseOffset, SUFFIX);
  }

  /** Returns the base offset a segment file name encodes, or -1 if it is not a segment name. */
  static long parseSegmentName(String name) {
    if (!name.endsWith(SUFFIX) || name.length() != 20 + SUFFIX.length()) {
      return -1;
    }
    for (int i = 0; i < 20; i++) {
      if (name.charAt(i) < '0' || name.charAt(i) > '9') {
        return -1;
      }
    }
    return Long.parseLong(name.substring(0, 20));
  }

  static ByteBuffer fileHeader(long baseOffset) {
    ByteBuffer b = ByteBuffer.allocate(FILE_HEADER_BYTES);
    b.putInt(MAGIC).putInt(VERSION).putLong(baseOffset);
    CRC32C crc = new CRC32C();
    crc.update(b.array(), 0, 16);
    b.putInt((int) crc.getValue());
    return b.flip();
  }

  /**
   * CRC32C of {@code n} bytes of {@code b} from absolute index {@code at}; leaves the buffer's
   * position and limit as they were and allocates nothing.
   */
  static int crc(CRC32C crc, ByteBuffer b, int at, int n) {
    int pos = b.position();
    int lim = b.limit();
    crc.reset();
    b.limit(at + n).position(at);
    crc.update(b);
    b.limit(lim).position(pos);
    return (int) crc.getValue();
  }

  static int crc(CRC32C crc, byte[] a, int off, int n) {
    crc.reset();
    crc.update(a, off, n);
    return (int) crc.getValue();
  }
}
