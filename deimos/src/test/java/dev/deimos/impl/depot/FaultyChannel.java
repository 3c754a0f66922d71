package dev.deimos.impl.depot;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.ReadableByteChannel;
import java.nio.channels.WritableByteChannel;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A FileChannel that simulates a full disk (writes fail once a shared byte budget is spent, after
 * writing what fits) and failing fsyncs. Shared budget and switches are set by the test.
 */
final class FaultyChannel extends FileChannel {
  private final FileChannel d;
  private final AtomicLong budget;
  private final AtomicBoolean failForce;

  FaultyChannel(FileChannel d, AtomicLong budget, AtomicBoolean failForce) {
    this.d = d;
    this.budget = budget;
    this.failForce = failForce;
  }

  @Override
  public int write(ByteBuffer src) throws IOException {
    long left = budget.get();
    if (left <= 0) {
      throw new IOException("No space left on device");
    }
    if (src.remaining() > left) {
      ByteBuffer part = src.duplicate();
      part.limit(part.position() + (int) left);
      int n = d.write(part);
      src.position(src.position() + n);
      budget.addAndGet(-n);
      return n;
    }
    int n = d.write(src);
    budget.addAndGet(-n);
    return n;
  }

  @Override
  public void force(boolean metaData) throws IOException {
    if (failForce.get()) {
      throw new IOException("Input/output error");
    }
    d.force(metaData);
  }

  @Override
  public int read(ByteBuffer dst) throws IOException {
    return d.read(dst);
  }

  @Override
  public long read(ByteBuffer[] dsts, int offset, int length) throws IOException {
    return d.read(dsts, offset, length);
  }

  @Override
  public long write(ByteBuffer[] srcs, int offset, int length) throws IOException {
    throw new UnsupportedOperationException();
  }

  @Override
  public long position() throws IOException {
    return d.position();
  }

  @Override
  public FileChannel position(long newPosition) throws IOException {
    d.position(newPosition);
    return this;
  }

  @Override
  public long size() throws IOException {
    return d.size();
  }

  @Override
  public FileChannel truncate(long size) throws IOException {
    d.truncate(size);
    return this;
  }

  @Override
  public long transferTo(long position, long count, WritableByteChannel target) throws IOException {
    return d.transferTo(position, count, target);
  }

  @Override
  public long transferFrom(ReadableByteChannel src, long position, long count) throws IOException {
    throw new UnsupportedOperationException();
  }

  @Override
  public int read(ByteBuffer dst, long position) throws IOException {
    return d.read(dst, position);
  }

  @Override
  public int write(ByteBuffer src, long position) throws IOException {
    throw new UnsupportedOperationException();
  }

  @Override
  public MappedByteBuffer map(MapMode mode, long position, long size) throws IOException {
    return d.map(mode, position, size);
  }

  @Override
  public FileLock lock(long position, long size, boolean shared) throws IOException {
    return d.lock(position, size, shared);
  }

  @Override
  public FileLock tryLock(long position, long size, boolean shared) throws IOException {
    return d.tryLock(position, size, shared);
  }

  @Override
  protected void implCloseChannel() throws IOException {
    d.close();
  }
}
