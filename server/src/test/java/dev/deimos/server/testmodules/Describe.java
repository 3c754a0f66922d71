package dev.deimos.server.testmodules;

import dev.deimos.ops.DeimosFunction1;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.StringJoiner;

/** Names the Java types of a value, nested: {@code List[Integer,Map{String=Long}]}. */
public class Describe implements DeimosFunction1<Object, String> {
  @Override
  public String invoke(Object v) {
    return describe(v);
  }

  /** See the class comment. */
  public static String describe(Object v) {
    if (v == null) {
      return "null";
    }
    if (v instanceof List) {
      StringJoiner j = new StringJoiner(",", "List[", "]");
      for (Object o : (List<?>) v) {
        j.add(describe(o));
      }
      return j.toString();
    }
    if (v instanceof Set) {
      StringJoiner j = new StringJoiner(",", "Set[", "]");
      for (Object o : (Set<?>) v) {
        j.add(describe(o));
      }
      return j.toString();
    }
    if (v instanceof Map) {
      StringJoiner j = new StringJoiner(",", "Map{", "}");
      for (Map.Entry<?, ?> e : ((Map<?, ?>) v).entrySet()) {
        j.add(describe(e.getKey()) + "=" + describe(e.getValue()));
      }
      return j.toString();
    }
    if (v instanceof DeimosFunction1) {
      return "Function";
    }
    return v.getClass().getSimpleName();
  }
}
