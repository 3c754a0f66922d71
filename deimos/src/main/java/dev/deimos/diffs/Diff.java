package dev.deimos.diffs;

import dev.deimos.ops.DeimosFunction1;
import java.io.Serializable;

/**
 * An incremental change between two versions of the value a {@code PState.proxy} follows.
 *
 * <p>Which diff a change produces depends on the navigators of the path that made it and on the
 * proxy's path: a write through {@code key} gives a {@link KeyDiff}, adding to a set a {@link
 * SetAddDiff}, replacing the whole value a {@link NewValueDiff}, and so on. Diffs are plain,
 * serializable values.
 *
 * <p><b>Processing.</b> {@link #process} dispatches on the processor's interfaces: a processor
 * implements {@link Processor} plus the nested {@code Processor} interface of every diff class it
 * handles (for example {@link KeyDiff.Processor}). When the processor does not handle this diff,
 * the diff expands into finer diffs (a {@link KeysDiff} into {@link KeyDiff}s, a {@link
 * SequenceInsertDiff} into a {@link SequenceChangeDiff}, which expands further), each processed the
 * same way in order; a diff that neither is handled nor expands calls {@link
 * Processor#unhandled()}. Expansion may lose detail (an {@link AppendDiff} does not carry the
 * appended value), so a processor handling only fine diffs reads the new value for what they omit.
 */
public abstract class Diff implements Serializable {
  private static final long serialVersionUID = 1L;

  /** Creates a diff. */
  public Diff() {}

  /**
   * Hands this diff to {@code processor}, expanding it into finer diffs where the processor does
   * not handle it, and calling {@link Processor#unhandled()} for each part nothing handles.
   *
   * @param processor a processor implementing {@link Processor} and any diff-specific interfaces
   */
  public void process(Processor processor) {
    if (canProcess(processor)) {
      doProcess(processor);
      return;
    }
    boolean expanded =
        walkExpanded(
            d -> {
              ((Diff) d).process(processor);
              return null;
            });
    if (!expanded) {
      processor.unhandled();
    }
  }

  /**
   * Calls {@code fn} with each diff this one expands into, in order.
   *
   * @param fn receives each finer {@link Diff}
   * @return false if this diff does not expand (the default)
   */
  @SuppressWarnings("rawtypes")
  protected boolean walkExpanded(DeimosFunction1 fn) {
    return false;
  }

  /**
   * Calls the processor's method for this diff class; only after {@link #canProcess} said yes.
   *
   * @param processor the processor
   */
  protected abstract void doProcess(Processor processor);

  /**
   * Returns whether {@code processor} handles this diff class.
   *
   * @param processor the processor
   * @return true if it implements this class's {@code Processor} interface
   */
  protected abstract boolean canProcess(Processor processor);

  /** Base interface of every diff processor. */
  public interface Processor {
    /**
     * Called for a diff (or a part of one) that the processor handles neither whole nor expanded.
     */
    void unhandled();
  }
}
