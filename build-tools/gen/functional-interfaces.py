#!/usr/bin/env python3
"""Writes the fixed-arity functional interfaces of dev.deimos.ops (0..8 arguments).

Run from the repository root after changing the templates; the output is committed so the build
needs no generation step:  python3 build-tools/gen/functional-interfaces.py
"""
import os

OUT = "deimos/src/main/java/dev/deimos/ops"
N = 8
ORD = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight"]


def tparams(n):
    return [f"T{i}" for i in range(n)]


def params(n):
    return ", ".join(f"T{i} arg{i}" for i in range(n))


def tdoc(n, indent=" "):
    return "".join(f"{indent}* @param <T{i}> type of argument {i}\n" for i in range(n))


def adoc(n):
    return "".join(f"   * @param arg{i} argument {i}\n" for i in range(n))


def write(name, body):
    with open(os.path.join(OUT, name + ".java"), "w") as f:
        f.write(body)


for n in range(N + 1):
    tp = tparams(n)
    gen = "<" + ", ".join(tp + ["R"]) + ">"
    write(f"DeimosFunction{n}", f"""package dev.deimos.ops;

import dev.deimos.DeimosSerializable;

/**
 * A function of {ORD[n]} argument{'' if n == 1 else 's'} that returns exactly one value.
 *
 * <p>Used by {{@code Block.each}}, {{@code Expr}}, and path navigators such as {{@code view}},
 * {{@code term}} and {{@code filterPred}}. Functions are shipped to tasks, so lambdas and method
 * references that implement this interface are serializable; whatever they capture must be too.
 *
{tdoc(n)} * @param <R> type of the result
 */
@FunctionalInterface
public interface DeimosFunction{n}{gen} extends DeimosSerializable {{
  /**
   * Computes the result.
   *
{adoc(n)}   * @return the result
   */
  R invoke({params(n)});
}}
""")
    ogen = ("<" + ", ".join(tp) + ">") if n else ""
    p = params(n)
    write(f"DeimosOperation{n}", f"""package dev.deimos.ops;

import dev.deimos.DeimosSerializable;

/**
 * An operation of {ORD[n]} argument{'' if n == 1 else 's'} that emits zero or more times.
 *
 * <p>Each call to {{@link OutputCollector#emit(Object...)}} runs the downstream dataflow before
 * it returns; emitting nothing filters, emitting many times fans out. Operations are shipped to
 * tasks, so lambdas implementing this interface are serializable.
{(' *' + chr(10) + tdoc(n)) if n else ''} */
@FunctionalInterface
public interface DeimosOperation{n}{ogen} extends DeimosSerializable {{
  /**
   * Runs the operation.
   *
{adoc(n)}   * @param collector receives what the operation emits
   */
  void invoke({p + ', ' if p else ''}OutputCollector collector);
}}
""")
    agen = "<" + ", ".join(["V"] + tp) + ">"
    write(f"DeimosAccumulatorAgg{n}", f"""package dev.deimos.ops;

/**
 * An accumulator aggregation that folds {ORD[n]} argument{'' if n == 1 else 's'} into a value.
 *
 * @param <V> type of the aggregated value
{tdoc(n)} */
public interface DeimosAccumulatorAgg{n}{agen} extends DeimosAccumulatorAgg<V> {{
  /**
   * Folds the arguments into the current value.
   *
   * @param currVal the current aggregated value ({{@link #initVal()}} at first)
{adoc(n)}   * @return the new aggregated value
   */
  V accumulate(V currVal{', ' + p if p else ''});
}}
""")
