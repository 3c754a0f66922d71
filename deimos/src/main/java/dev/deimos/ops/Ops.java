package dev.deimos.ops;

import static dev.deimos.ops.Arities.ANY;

import dev.deimos.impl.data.TaskContext;
import java.util.List;

/**
 * The built-in functions and operations for dataflow code, paths and {@code Expr}s.
 *
 * <p>Function constants return one value and implement {@code DeimosFunctionN} for the argument
 * counts they accept; operation constants emit through an {@link OutputCollector} and implement
 * {@code DeimosOperationN}. A constant never implements both kinds, so {@code each(Ops.PLUS, "*a",
 * "*b")} resolves to exactly one overload. The constants are stateless, thread-safe singletons that
 * keep their identity through serialization. Their {@code Native*} types are implementation detail:
 * refer to them through the constants only.
 *
 * <p>Numbers follow {@link dev.deimos.impl.data.Numbers}: Integer inputs give Integer results,
 * mixing in a Long gives a Long, any Double or Float gives a Double, and int or long overflow
 * throws {@link ArithmeticException} instead of wrapping around. A value is "truthy" unless it is
 * null or {@code false}. See {@code docs/ops.md} for the full catalogue.
 */
public final class Ops {
  private Ops() {}

  // ---- logic -------------------------------------------------------------------------------

  /** Returns the first argument that is not truthy, else the last argument (true for none). */
  public static final NativeAnyArityDeimosFunction AND =
      new NativeAnyArityDeimosFunction("AND", 0, ANY, LogicOps::and);

  /** Returns the first truthy argument, else the last argument (null for none). */
  public static final NativeAnyArityDeimosFunction OR =
      new NativeAnyArityDeimosFunction("OR", 0, ANY, LogicOps::or);

  /** Returns true if the argument is null or false. */
  public static final NativeDeimosFunction1<Object, Boolean> NOT =
      new NativeDeimosFunction1<>("NOT", LogicOps::not);

  /** Returns true if the argument is null. */
  public static final NativeDeimosFunction1<Object, Boolean> IS_NULL =
      new NativeDeimosFunction1<>("IS_NULL", LogicOps::isNull);

  /** Returns true if the argument is not null. */
  public static final NativeDeimosFunction1<Object, Boolean> IS_NOT_NULL =
      new NativeDeimosFunction1<>("IS_NOT_NULL", LogicOps::isNotNull);

  /** Takes a Class and a value; returns true if the value is an instance of the class. */
  public static final NativeDeimosFunction2<Class<?>, Object, Boolean> IS_INSTANCE_OF =
      new NativeDeimosFunction2<>("IS_INSTANCE_OF", LogicOps::isInstanceOf);

  // ---- equality and ordering ---------------------------------------------------------------

  /** Returns true if all arguments are equal (Integer 1 equals Long 1, not Double 1.0). */
  public static final NativeAnyArityDeimosFunction EQUAL =
      new NativeAnyArityDeimosFunction("EQUAL", 1, ANY, ComparisonOps::equal);

  /** Returns true unless all arguments are equal in the sense of {@link #EQUAL}. */
  public static final NativeAnyArityDeimosFunction NOT_EQUAL =
      new NativeAnyArityDeimosFunction("NOT_EQUAL", 1, ANY, ComparisonOps::notEqual);

  /** Returns true if every argument is less than the next one. */
  public static final NativeAnyArityDeimosFunction LESS_THAN =
      new NativeAnyArityDeimosFunction("LESS_THAN", 1, ANY, ComparisonOps::lessThan);

  /** Returns true if every argument is less than or equal to the next one. */
  public static final NativeAnyArityDeimosFunction LESS_THAN_OR_EQUAL =
      new NativeAnyArityDeimosFunction(
          "LESS_THAN_OR_EQUAL", 1, ANY, ComparisonOps::lessThanOrEqual);

  /** Returns true if every argument is greater than the next one. */
  public static final NativeAnyArityDeimosFunction GREATER_THAN =
      new NativeAnyArityDeimosFunction("GREATER_THAN", 1, ANY, ComparisonOps::greaterThan);

  /** Returns true if every argument is greater than or equal to the next one. */
  public static final NativeAnyArityDeimosFunction GREATER_THAN_OR_EQUAL =
      new NativeAnyArityDeimosFunction(
          "GREATER_THAN_OR_EQUAL", 1, ANY, ComparisonOps::greaterThanOrEqual);

  /** Returns the smallest argument, itself (numbers compared by value). */
  public static final NativeAnyArityDeimosFunction MIN =
      new NativeAnyArityDeimosFunction("MIN", 1, ANY, ArithmeticOps::min);

  /** Returns the largest argument, itself (numbers compared by value). */
  public static final NativeAnyArityDeimosFunction MAX =
      new NativeAnyArityDeimosFunction("MAX", 1, ANY, ArithmeticOps::max);

  // ---- arithmetic --------------------------------------------------------------------------

  /** Adds the arguments (0 for none); Integers stay Integer. */
  public static final NativeAnyArityDeimosFunction PLUS =
      new NativeAnyArityDeimosFunction("PLUS", 0, ANY, ArithmeticOps::plus);

  /** Subtracts the remaining arguments from the first; negates a single argument. */
  public static final NativeAnyArityDeimosFunction MINUS =
      new NativeAnyArityDeimosFunction("MINUS", 1, ANY, ArithmeticOps::minus);

  /** Multiplies the arguments (1 for none); Integers stay Integer. */
  public static final NativeAnyArityDeimosFunction TIMES =
      new NativeAnyArityDeimosFunction("TIMES", 0, ANY, ArithmeticOps::times);

  /** Like {@link #PLUS} computed in at least long precision, returned as a Long. */
  public static final NativeAnyArityDeimosFunction PLUS_LONG =
      new NativeAnyArityDeimosFunction("PLUS_LONG", 0, ANY, ArithmeticOps::plusLong);

  /** Like {@link #MINUS} computed in at least long precision, returned as a Long. */
  public static final NativeAnyArityDeimosFunction MINUS_LONG =
      new NativeAnyArityDeimosFunction("MINUS_LONG", 1, ANY, ArithmeticOps::minusLong);

  /** Like {@link #TIMES} computed in at least long precision, returned as a Long. */
  public static final NativeAnyArityDeimosFunction TIMES_LONG =
      new NativeAnyArityDeimosFunction("TIMES_LONG", 0, ANY, ArithmeticOps::timesLong);

  /** Returns one more than the argument as an Integer. */
  public static final NativeDeimosFunction1<Number, Integer> INC =
      new NativeDeimosFunction1<>("INC", ArithmeticOps::inc);

  /** Returns one more than the argument as a Long. */
  public static final NativeDeimosFunction1<Number, Long> INC_LONG =
      new NativeDeimosFunction1<>("INC_LONG", ArithmeticOps::incLong);

  /** Returns one less than the argument as an Integer. */
  public static final NativeDeimosFunction1<Number, Integer> DEC =
      new NativeDeimosFunction1<>("DEC", ArithmeticOps::dec);

  /** Returns one less than the argument as a Long. */
  public static final NativeDeimosFunction1<Number, Long> DEC_LONG =
      new NativeDeimosFunction1<>("DEC_LONG", ArithmeticOps::decLong);

  /** Divides the first argument by the second as doubles and returns a Double. */
  public static final NativeDeimosFunction2<Number, Number, Double> DIV =
      new NativeDeimosFunction2<>("DIV", ArithmeticOps::div);

  /** Adds up the numbers in a collection, with the promotion of {@link #PLUS}; 0 for null. */
  public static final NativeDeimosFunction1<Object, Object> SUM =
      new NativeDeimosFunction1<>("SUM", ArithmeticOps::sum);

  /** Returns true if the integral argument is even. */
  public static final NativeDeimosFunction1<Number, Boolean> IS_EVEN =
      new NativeDeimosFunction1<>("IS_EVEN", ArithmeticOps::isEven);

  /** Returns true if the integral argument is odd. */
  public static final NativeDeimosFunction1<Number, Boolean> IS_ODD =
      new NativeDeimosFunction1<>("IS_ODD", ArithmeticOps::isOdd);

  // ---- values and collections --------------------------------------------------------------

  /** Returns its argument. */
  public static final NativeDeimosFunction1<Object, Object> IDENTITY =
      new NativeDeimosFunction1<>("IDENTITY", a -> a);

  /** Returns the number of elements of a collection, map, array or string (0 for null). */
  public static final NativeDeimosFunction1<Object, Integer> SIZE =
      new NativeDeimosFunction1<>("SIZE", CollectionOps::size);

  /** Looks up a key in a map or an index in a list; null when absent or for a null collection. */
  public static final NativeDeimosFunction2<Object, Object, Object> GET =
      new NativeDeimosFunction2<>("GET", CollectionOps::get);

  /** Returns the first element of a list or other collection (null if empty or null). */
  public static final NativeDeimosFunction1<Object, Object> FIRST =
      new NativeDeimosFunction1<>("FIRST", CollectionOps::first);

  /** Returns the last element of a list or other collection (null if empty or null). */
  public static final NativeDeimosFunction1<Object, Object> LAST =
      new NativeDeimosFunction1<>("LAST", CollectionOps::last);

  /** Takes a collection and a value; returns true if the collection contains the value. */
  public static final NativeDeimosFunction2<Object, Object, Boolean> CONTAINS =
      new NativeDeimosFunction2<>("CONTAINS", CollectionOps::contains);

  /** Packs its arguments into a new mutable List. */
  public static final NativeAnyArityDeimosFunction TUPLE =
      new NativeAnyArityDeimosFunction("TUPLE", 0, ANY, CollectionOps::tuple);

  /** Concatenates the string forms of its arguments; null adds nothing. */
  public static final NativeAnyArityDeimosFunction TO_STRING =
      new NativeAnyArityDeimosFunction("TO_STRING", 0, ANY, CollectionOps::str);

  /** Returns the Class of its argument (null for null). */
  public static final NativeDeimosFunction1<Object, Class<?>> CLASS =
      new NativeDeimosFunction1<>("CLASS", CollectionOps::classOf);

  /** Returns the value held by a value-schema PState (or map entry); other values unchanged. */
  public static final NativeDeimosFunction1<Object, Object> EXTRACT_VALUE =
      new NativeDeimosFunction1<>("EXTRACT_VALUE", CollectionOps::extractValue);

  // ---- emitting operations -----------------------------------------------------------------

  /** Emits each element of a collection or array (a map's entries as [key, value] lists). */
  public static final NativeDeimosOperation1<Object> EXPLODE =
      new NativeDeimosOperation1<>("EXPLODE", EmitOps::explode);

  /** Emits key and value for each entry of a map. */
  public static final NativeDeimosOperation1<Object> EXPLODE_MAP =
      new NativeDeimosOperation1<>("EXPLODE_MAP", EmitOps::explodeMap);

  /** Emits index and element for each element of a collection. */
  public static final NativeDeimosOperation1<Object> EXPLODE_INDEXED =
      new NativeDeimosOperation1<>("EXPLODE_INDEXED", EmitOps::explodeIndexed);

  /** Emits once, with the elements of a list as separate values. */
  public static final NativeDeimosOperation1<Object> EXPAND =
      new NativeDeimosOperation1<>("EXPAND", EmitOps::expand);

  /** Takes start, end and an optional step; emits each number from start up to, not incl., end. */
  public static final NativeAnyArityDeimosOperation RANGE =
      new NativeAnyArityDeimosOperation("RANGE", 2, 3, EmitOps::range);

  /** Prints its arguments, separated by spaces, to standard output; then emits once. */
  public static final NativeAnyArityDeimosOperation PRINTLN =
      new NativeAnyArityDeimosOperation("PRINTLN", 0, ANY, EmitOps::println);

  /** Logs at TRACE: optional SLF4J Logger, message with {} placeholders, arguments; emits once. */
  public static final NativeAnyArityDeimosOperation LOG_TRACE = log(EmitOps.Level.TRACE);

  /** Logs at DEBUG: optional SLF4J Logger, message with {} placeholders, arguments; emits once. */
  public static final NativeAnyArityDeimosOperation LOG_DEBUG = log(EmitOps.Level.DEBUG);

  /** Logs at INFO: optional SLF4J Logger, message with {} placeholders, arguments; emits once. */
  public static final NativeAnyArityDeimosOperation LOG_INFO = log(EmitOps.Level.INFO);

  /** Logs at WARN: optional SLF4J Logger, message with {} placeholders, arguments; emits once. */
  public static final NativeAnyArityDeimosOperation LOG_WARN = log(EmitOps.Level.WARN);

  /** Logs at ERROR: optional SLF4J Logger, message with {} placeholders, arguments; emits once. */
  public static final NativeAnyArityDeimosOperation LOG_ERROR = log(EmitOps.Level.ERROR);

  // ---- where the event runs ----------------------------------------------------------------

  /** Returns the id of the task running the current event, as an Integer. */
  public static final NativeDeimosFunction0<Integer> CURRENT_TASK_ID =
      new NativeDeimosFunction0<>("CURRENT_TASK_ID", () -> TaskContext.current().taskId());

  /** Returns the id of the current microbatch attempt as a Long; fails outside a microbatch. */
  public static final NativeDeimosFunction0<Long> CURRENT_MICROBATCH_ID =
      new NativeDeimosFunction0<>(
          "CURRENT_MICROBATCH_ID", () -> TaskContext.current().microbatchId());

  /** Returns "stream", "microbatch" or "query" for the running topology, else null. */
  public static final NativeDeimosFunction0<String> CURRENT_TOPOLOGY_TYPE =
      new NativeDeimosFunction0<>(
          "CURRENT_TOPOLOGY_TYPE", () -> TaskContext.current().topologyType());

  /** Returns information about the running module instance (null outside a module). */
  public static final NativeDeimosFunction0<Object> MODULE_INSTANCE_INFO =
      new NativeDeimosFunction0<>(
          "MODULE_INSTANCE_INFO", () -> TaskContext.current().moduleInstanceInfo());

  private static final List<NativeOp> ALL =
      List.of(
          AND,
          OR,
          NOT,
          IS_NULL,
          IS_NOT_NULL,
          IS_INSTANCE_OF,
          EQUAL,
          NOT_EQUAL,
          LESS_THAN,
          LESS_THAN_OR_EQUAL,
          GREATER_THAN,
          GREATER_THAN_OR_EQUAL,
          MIN,
          MAX,
          PLUS,
          MINUS,
          TIMES,
          PLUS_LONG,
          MINUS_LONG,
          TIMES_LONG,
          INC,
          INC_LONG,
          DEC,
          DEC_LONG,
          DIV,
          SUM,
          IS_EVEN,
          IS_ODD,
          IDENTITY,
          SIZE,
          GET,
          FIRST,
          LAST,
          CONTAINS,
          TUPLE,
          TO_STRING,
          CLASS,
          EXTRACT_VALUE,
          EXPLODE,
          EXPLODE_MAP,
          EXPLODE_INDEXED,
          EXPAND,
          RANGE,
          PRINTLN,
          LOG_TRACE,
          LOG_DEBUG,
          LOG_INFO,
          LOG_WARN,
          LOG_ERROR,
          CURRENT_TASK_ID,
          CURRENT_MICROBATCH_ID,
          CURRENT_TOPOLOGY_TYPE,
          MODULE_INSTANCE_INFO);

  /** Forces class initialization, which registers every constant by name for deserialization. */
  static void ensureLoaded() {
    if (ALL.isEmpty()) {
      throw new AssertionError("no built-in operations");
    }
  }

  /** Every constant of this class, in declaration order; for tests and documentation. */
  static List<NativeOp> all() {
    return ALL;
  }

  private static NativeAnyArityDeimosOperation log(EmitOps.Level level) {
    return new NativeAnyArityDeimosOperation(
        "LOG_" + level, 1, ANY, (a, out) -> EmitOps.log(level, a, out));
  }
}
