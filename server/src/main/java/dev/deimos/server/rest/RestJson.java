package dev.deimos.server.rest;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.deimos.ops.DeimosFunction0;
import dev.deimos.ops.DeimosFunction1;
import dev.deimos.ops.DeimosFunction2;
import dev.deimos.ops.DeimosFunction3;
import dev.deimos.ops.DeimosFunction4;
import dev.deimos.ops.DeimosFunction5;
import dev.deimos.ops.DeimosFunction6;
import dev.deimos.ops.DeimosFunction7;
import dev.deimos.ops.DeimosFunction8;
import dev.deimos.ops.Ops;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * JSON in and out of the REST API, with Rama's typing rules on the way in: a JSON integer is an
 * {@link Integer} (one that does not fit is refused: send {@code "#__L..."}), a decimal a {@link
 * Double}, and a string starting {@code #__} names its type by the next letter: {@code L} Long,
 * {@code S} Short, {@code B} Byte, {@code F} Float, {@code C} a one-character Character, {@code f}
 * a function ({@code Ops.NAME} or the class name of a {@code DeimosFunctionN} with a no-argument
 * constructor). Typing applies at any depth, map keys included. Answers are plain JSON.
 */
final class RestJson {
  /** Deepest nesting a request may have (arrays and objects). */
  static final int MAX_DEPTH = 64;

  /** Longest single string a request may hold. */
  static final int MAX_STRING = 8 << 20;

  static final ObjectMapper MAPPER;

  static {
    JsonFactory f =
        JsonFactory.builder()
            .streamReadConstraints(
                StreamReadConstraints.builder()
                    .maxNestingDepth(MAX_DEPTH)
                    .maxStringLength(MAX_STRING)
                    .maxNumberLength(400)
                    .build())
            .build();
    MAPPER =
        JsonMapper.builder(f)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .build();
  }

  private RestJson() {}

  /**
   * Parses a request body.
   *
   * @throws RestException 400 for malformed, empty or too deeply nested JSON
   */
  static JsonNode parse(byte[] body) {
    if (body.length == 0) {
      throw new RestException(400, "empty request body: expected JSON");
    }
    try {
      JsonNode n = MAPPER.readTree(body);
      if (n == null || n.isMissingNode()) {
        throw new RestException(400, "empty request body: expected JSON");
      }
      return n;
    } catch (StreamConstraintsException e) {
      throw new RestException(
          400,
          "request JSON refused: "
              + firstLine(e.getOriginalMessage())
              + " (limits: nesting "
              + MAX_DEPTH
              + ")");
    } catch (IOException e) {
      String m =
          e instanceof com.fasterxml.jackson.core.JsonProcessingException
              ? ((com.fasterxml.jackson.core.JsonProcessingException) e).getOriginalMessage()
              : e.getMessage();
      String loc = "";
      if (e instanceof com.fasterxml.jackson.core.JsonProcessingException
          && ((com.fasterxml.jackson.core.JsonProcessingException) e).getLocation() != null) {
        var l = ((com.fasterxml.jackson.core.JsonProcessingException) e).getLocation();
        loc = " at line " + l.getLineNr() + ", column " + l.getColumnNr();
      }
      throw new RestException(400, "malformed JSON" + loc + ": " + firstLine(m));
    }
  }

  private static String firstLine(String s) {
    if (s == null) {
      return "";
    }
    int nl = s.indexOf('\n');
    return nl < 0 ? s : s.substring(0, nl);
  }

  /**
   * Converts a JSON value to the Java value it stands for.
   *
   * @param n the JSON
   * @param loader where function classes are looked up
   * @throws RestException 400 naming where a value is wrong
   */
  static Object toValue(JsonNode n, ClassLoader loader) {
    switch (n.getNodeType()) {
      case NULL:
      case MISSING:
        return null;
      case BOOLEAN:
        return n.booleanValue();
      case NUMBER:
        return number(n);
      case STRING:
        return typedString(n.textValue(), loader);
      case ARRAY:
        {
          List<Object> l = new ArrayList<>(n.size());
          int i = 0;
          for (JsonNode e : n) {
            try {
              l.add(toValue(e, loader));
            } catch (RestException ex) {
              throw ex.at("[" + i + "]");
            }
            i++;
          }
          return l;
        }
      case OBJECT:
        {
          Map<Object, Object> m = new LinkedHashMap<>();
          Iterator<Map.Entry<String, JsonNode>> it = n.fields();
          while (it.hasNext()) {
            Map.Entry<String, JsonNode> e = it.next();
            Object k;
            try {
              k = typedString(e.getKey(), loader);
            } catch (RestException ex) {
              throw ex.at("key " + quote(e.getKey()));
            }
            try {
              m.put(k, toValue(e.getValue(), loader));
            } catch (RestException ex) {
              throw ex.at(e.getKey());
            }
          }
          return m;
        }
      default:
        throw new RestException(400, "unsupported JSON value " + n.getNodeType());
    }
  }

  private static String quote(String s) {
    return '"' + s + '"';
  }

  private static Object number(JsonNode n) {
    if (n.isInt()) {
      return n.intValue();
    }
    if (n.isIntegralNumber()) {
      throw new RestException(
          400,
          "integer "
              + n.asText()
              + " does not fit a 32-bit Integer (JSON integers decode as Integer); send a long as"
              + " \"#__L"
              + n.asText()
              + "\"");
    }
    double d = n.doubleValue();
    if (Double.isInfinite(d)) {
      throw new RestException(400, "decimal " + n.asText() + " does not fit a Double");
    }
    return d;
  }

  /** A string, or the typed value a {@code #__} string stands for. */
  static Object typedString(String s, ClassLoader loader) {
    if (s.length() < 4 || !s.startsWith("#__")) {
      return s;
    }
    char t = s.charAt(3);
    String v = s.substring(4);
    try {
      switch (t) {
        case 'L':
          return Long.parseLong(v);
        case 'S':
          return Short.parseShort(v);
        case 'B':
          return Byte.parseByte(v);
        case 'F':
          {
            float f = Float.parseFloat(v);
            if (Float.isInfinite(f) && !v.contains("Infinity")) {
              throw new NumberFormatException("out of range");
            }
            return f;
          }
        case 'C':
          if (v.length() != 1) {
            throw new RestException(
                400, "typed char " + quote(s) + " must hold exactly one character");
          }
          return v.charAt(0);
        case 'f':
          return function(v, loader);
        case 'K':
          throw new RestException(
              400, "typed string " + quote(s) + ": keywords are Clojure values, Deimos has none");
        default:
          throw new RestException(
              400,
              "typed string "
                  + quote(s)
                  + " has unknown type letter '"
                  + t
                  + "' (known: L long, S short, B byte, F float, C char, f function)");
      }
    } catch (NumberFormatException e) {
      String type = t == 'L' ? "Long" : t == 'S' ? "Short" : t == 'B' ? "Byte" : "Float";
      throw new RestException(400, "typed string " + quote(s) + " is not a valid " + type);
    }
  }

  /** {@code Ops.NAME} or a function class with a no-argument constructor. */
  static Object function(String name, ClassLoader loader) {
    if (name.startsWith("Ops.")) {
      String field = name.substring(4);
      try {
        Field f = Ops.class.getField(field);
        if (!Modifier.isStatic(f.getModifiers())) {
          throw new NoSuchFieldException(field);
        }
        Object fn = f.get(null);
        if (!isFunction(fn)) {
          throw new RestException(400, "function " + quote(name) + " is not a function");
        }
        return fn;
      } catch (NoSuchFieldException | IllegalAccessException e) {
        throw new RestException(400, "function " + quote(name) + ": Ops has no " + field);
      }
    }
    Class<?> c;
    try {
      c = Class.forName(name, false, loader);
    } catch (ClassNotFoundException | LinkageError e) {
      throw new RestException(
          400, "function " + quote(name) + ": no such class in the module or the server");
    }
    Object fn;
    try {
      var ctor = c.getDeclaredConstructor();
      ctor.setAccessible(true);
      fn = ctor.newInstance();
    } catch (ReflectiveOperationException | RuntimeException e) {
      throw new RestException(
          400, "function " + quote(name) + " needs a public no-argument constructor");
    }
    if (!isFunction(fn)) {
      throw new RestException(
          400, "function " + quote(name) + " does not implement a DeimosFunction interface");
    }
    return fn;
  }

  static boolean isFunction(Object o) {
    return o instanceof DeimosFunction0
        || o instanceof DeimosFunction1
        || o instanceof DeimosFunction2
        || o instanceof DeimosFunction3
        || o instanceof DeimosFunction4
        || o instanceof DeimosFunction5
        || o instanceof DeimosFunction6
        || o instanceof DeimosFunction7
        || o instanceof DeimosFunction8;
  }

  // ---- answers ----

  /**
   * Writes a value as JSON.
   *
   * @throws RestException 400 if the value holds something JSON cannot represent
   */
  static byte[] write(Object v) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(128);
    try (JsonGenerator g = MAPPER.getFactory().createGenerator(out)) {
      write(g, v, 0);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  private static void write(JsonGenerator g, Object v, int depth) throws IOException {
    if (depth > 512) {
      throw new RestException(400, "answer nested deeper than 512 levels");
    }
    if (v == null) {
      g.writeNull();
    } else if (v instanceof String) {
      g.writeString((String) v);
    } else if (v instanceof Integer || v instanceof Short || v instanceof Byte) {
      g.writeNumber(((Number) v).intValue());
    } else if (v instanceof Long) {
      g.writeNumber((Long) v);
    } else if (v instanceof Double) {
      double d = (Double) v;
      if (Double.isNaN(d) || Double.isInfinite(d)) {
        g.writeString(Double.toString(d));
      } else {
        g.writeNumber(d);
      }
    } else if (v instanceof Float) {
      float f = (Float) v;
      if (Float.isNaN(f) || Float.isInfinite(f)) {
        g.writeString(Float.toString(f));
      } else {
        g.writeNumber(f);
      }
    } else if (v instanceof Number) {
      g.writeNumber(v.toString());
    } else if (v instanceof Boolean) {
      g.writeBoolean((Boolean) v);
    } else if (v instanceof Character) {
      g.writeString(v.toString());
    } else if (v instanceof Map) {
      g.writeStartObject();
      for (Map.Entry<?, ?> e : ((Map<?, ?>) v).entrySet()) {
        g.writeFieldName(String.valueOf(e.getKey()));
        write(g, e.getValue(), depth + 1);
      }
      g.writeEndObject();
    } else if (v instanceof Collection) {
      g.writeStartArray();
      for (Object o : (Collection<?>) v) {
        write(g, o, depth + 1);
      }
      g.writeEndArray();
    } else if (v instanceof byte[]) {
      g.writeString(Base64.getEncoder().encodeToString((byte[]) v));
    } else if (v instanceof Object[]) {
      g.writeStartArray();
      for (Object o : (Object[]) v) {
        write(g, o, depth + 1);
      }
      g.writeEndArray();
    } else if (v instanceof Enum) {
      g.writeString(((Enum<?>) v).name());
    } else {
      throw new RestException(
          400,
          "the answer holds a "
              + v.getClass().getName()
              + ", which JSON cannot represent; navigate to plain values or turn it into one"
              + " with the view navigator");
    }
  }

  /** The body of an error answer. */
  static String errorBody(String message) {
    try {
      return MAPPER.writeValueAsString(Map.of("error", message));
    } catch (IOException e) {
      return "{\"error\":\"unprintable error\"}";
    }
  }
}
