package dev.deimos.impl.depot;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.util.zip.CRC32C;

/**
 * Walks the frames of a segment file forward from a frame boundary, reading the file in chunks with
 * one positional read per chunk (never moving the channel's position, so it can run beside the
 * writer). Not thread-safe; one per read.
 */
final class FrameReader {
  enum Status {
    /** A frame whose header checks out; its fields are set. */
    FRAME,
    /** The clean end of the readable bytes. */
    END,
    /** Fewer bytes left than a header, or than the header's length says. */
    SHORT,
    /** The header's CRC does not match. */
    BAD_HEADER
  }

  private final FileChannel channel;
  private final long limit;
  private final CRC32C crc = new CRC32C();
  private ByteBuffer buf;

  /** File position of buf[0]. */
  private long bufStart;

  /** File position of the current frame (after {@link #next}). */
  long position;

  /** Offset of the current frame. */
  long offset;

  int length;
  boolean batchStart;
  long millis;
  private int payloadCrc;
  private long nextPosition;

  /**
   * @param limit the file position to stop at (the file size, or the synced size)
   */
  FrameReader(FileChannel channel, long limit, long position, long offset, int chunkBytes) {
    this.channel = channel;
    this.limit = limit;
    this.buf = ByteBuffer.allocate(chunkBytes);
    this.buf.limit(0);
    this.bufStart = position;
    this.nextPosition = position;
    this.position = position;
    this.offset = offset - 1;
  }

  /** Moves to the next frame and checks its header (not its payload). */
  Status next() throws IOException {
    position = nextPosition;
    offset++;
    long left = limit - position;
    if (left == 0) {
      return Status.END;
    }
    if (left < FrameFormat.FRAME_HEADER_BYTES || !ensure(FrameFormat.FRAME_HEADER_BYTES)) {
      return Status.SHORT;
    }
    int at = (int) (position - bufStart);
    int lenFlags = buf.getInt(at);
    long m = buf.getLong(at + 4);
    int hc = buf.getInt(at + 12);
    if (FrameFormat.crc(crc, buf, at, 12) != hc) {
      return Status.BAD_HEADER;
    }
    length = lenFlags & FrameFormat.LENGTH_MASK;
    batchStart = (lenFlags & FrameFormat.BATCH_START) != 0;
    millis = m;
    payloadCrc = buf.getInt(at + 16);
    if (length > FrameFormat.MAX_RECORD_BYTES) {
      return Status.BAD_HEADER;
    }
    if (left < FrameFormat.FRAME_HEADER_BYTES + (long) length) {
      return Status.SHORT;
    }
    nextPosition = position + FrameFormat.FRAME_HEADER_BYTES + length;
    return Status.FRAME;
  }

  /** Whether the current frame's payload matches its CRC (reads the payload). */
  boolean payloadValid() throws IOException {
    if (!ensure(FrameFormat.FRAME_HEADER_BYTES + length)) {
      return false;
    }
    int at = (int) (position - bufStart) + FrameFormat.FRAME_HEADER_BYTES;
    return FrameFormat.crc(crc, buf, at, length) == payloadCrc;
  }

  /** The current frame's payload, or null if its CRC does not match. */
  byte[] payload() throws IOException {
    if (!ensure(FrameFormat.FRAME_HEADER_BYTES + length)) {
      return null;
    }
    int at = (int) (position - bufStart) + FrameFormat.FRAME_HEADER_BYTES;
    byte[] out = new byte[length];
    buf.get(at, out, 0, length);
    return FrameFormat.crc(crc, out, 0, length) == payloadCrc ? out : null;
  }

  /** Makes the {@code n} bytes from {@link #position} available in the buffer. */
  private boolean ensure(int n) throws IOException {
    long have = bufStart + buf.limit() - position;
    if (position >= bufStart && have >= n) {
      return true;
    }
    if (n > buf.capacity()) {
      buf = ByteBuffer.allocate(Math.max(n, buf.capacity() * 2));
    }
    // refill from the current frame: the frames before it are done with
    buf.clear();
    bufStart = position;
    long want = Math.min(buf.capacity(), limit - position);
    buf.limit((int) want);
    while (buf.hasRemaining()) {
      int r = channel.read(buf, bufStart + buf.position());
      if (r < 0) {
        break;
      }
    }
    buf.limit(buf.position());
    buf.position(0);
    return buf.limit() >= n;
  }
}
