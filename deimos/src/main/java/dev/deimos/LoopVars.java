package dev.deimos;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * The loop vars of a {@link Block.Impl#loopWithVars(LoopVars, Block)} loop, each with the value it
 * has in the first iteration. Built by chaining: {@code LoopVars.var("*i", 0).var("*acc", 0L)}.
 * Instances are immutable; every {@code var} call returns a new collector.
 */
public interface LoopVars {

  /**
   * Starts an empty set of loop vars.
   *
   * @return a collector with no vars
   */
  static Impl create() {
    return new LoopVarsCollector(Collections.emptyList());
  }

  /**
   * Starts a set of loop vars with one var; same as {@code create().var(var, init)}.
   *
   * @param var the var name, starting with {@code *}
   * @param init its value in the first iteration: a value, a var bound before the loop, or an
   *     {@link Expr}
   * @return a collector with that var
   */
  static Impl var(String var, Object init) {
    return create().var(var, init);
  }

  /** A set of loop vars that more vars can be added to. */
  interface Impl extends LoopVars {
    /**
     * Adds a loop var.
     *
     * @param var the var name, starting with {@code *}
     * @param init its value in the first iteration
     * @return a new collector with the var appended
     */
    Impl var(String var, Object init);
  }

  /** One loop var and its initial value. */
  final class LoopVar {
    /** The var name. */
    public final String var;

    /** The value in the first iteration. */
    public final Object init;

    /**
     * Creates a loop var.
     *
     * @param var the var name
     * @param init the initial value
     */
    public LoopVar(String var, Object init) {
      this.var = Objects.requireNonNull(var, "var");
      this.init = init;
    }
  }

  /** The only implementation: an immutable list of loop vars in declaration order. */
  class LoopVarsCollector implements Impl {
    private final List<LoopVar> vars;

    /**
     * Wraps a list of loop vars (copied).
     *
     * @param vars the vars in declaration order
     */
    protected LoopVarsCollector(List<LoopVar> vars) {
      this.vars = Collections.unmodifiableList(new ArrayList<>(vars));
    }

    @Override
    public Impl var(String var, Object init) {
      List<LoopVar> next = new ArrayList<>(vars);
      next.add(new LoopVar(var, init));
      return new LoopVarsCollector(next);
    }

    /**
     * Returns the declared loop vars.
     *
     * @return the vars in declaration order, unmodifiable
     */
    public List<LoopVar> getVars() {
      return vars;
    }
  }
}
