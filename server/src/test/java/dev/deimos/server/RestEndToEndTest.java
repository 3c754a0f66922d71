package dev.deimos.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.deimos.Path;
import dev.deimos.SortedRangeFromOptions;
import dev.deimos.SortedRangeOptions;
import dev.deimos.SortedRangeToOptions;
import dev.deimos.impl.data.Vars;
import dev.deimos.impl.path.Paths;
import dev.deimos.ops.Ops;
import dev.deimos.server.testmodules.RestModule;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The REST API of a server in a child process, with a token, against {@link RestModule}. */
class RestEndToEndTest {
  static final String TOKEN = "rest-token";
  static final ObjectMapper JSON = new ObjectMapper();
  static final String M = URLEncoder.encode(RestModule.NAME, StandardCharsets.UTF_8);

  @TempDir static java.nio.file.Path tmp;
  static ServerProcess server;
  static int restPort;
  static HttpClient http;

  /** A status and a parsed body. */
  record Answer(int status, String body) {
    JsonNode json() throws Exception {
      return JSON.readTree(body);
    }

    String error() throws Exception {
      return json().get("error").asText();
    }
  }

  @BeforeAll
  static void start() throws Exception {
    server = ServerProcess.start(tmp.resolve("data"), 0, "--token", TOKEN, "--rest-port", "0");
    restPort = Integer.parseInt(Files.readString(server.dataDir.resolve("rest.port")).trim());
    http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    java.nio.file.Path jar = BadInputTest.testModulesJar(tmp.resolve("testmodules.jar"));
    Object[] r =
        ServerEndToEndTest.cli(
            "deploy",
            "--port",
            Integer.toString(server.port),
            "--token",
            TOKEN,
            "--action",
            "launch",
            "--jar",
            jar.toString(),
            "--module",
            RestModule.class.getName(),
            "--tasks",
            "4",
            "--threads",
            "2");
    assertThat(r[0]).as("%s", r[1]).isEqualTo(0);
    assertThat(append("*values", "{\"data\": [\"doc\", " + DOC + "]}").status()).isEqualTo(200);
    for (int i = 1; i <= 10; i++) {
      assertThat(append("*sorted", "{\"data\": [\"r\", " + i + ", \"v" + i + "\"]}").status())
          .isEqualTo(200);
      assertThat(append("*sets", "{\"data\": [\"s\", " + (i * 10) + "]}").status()).isEqualTo(200);
    }
  }

  @AfterAll
  static void stop() throws Exception {
    if (server != null) {
      server.close();
    }
  }

  static Answer post(String path, String body) throws Exception {
    return send(path, body, "Bearer " + TOKEN);
  }

  static Answer send(String path, String body, String auth) throws Exception {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + restPort + path))
            .timeout(Duration.ofSeconds(30))
            .header("Content-Type", "text/plain")
            .POST(HttpRequest.BodyPublishers.ofString(body));
    if (auth != null) {
      b.header("Authorization", auth);
    }
    HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    return new Answer(r.statusCode(), r.body());
  }

  static Answer append(String depot, String body) throws Exception {
    return post("/rest/" + M + "/depot/" + depot + "/append", body);
  }

  static Answer selectOne(String pstate, String path) throws Exception {
    return post("/rest/" + M + "/pstate/" + pstate + "/selectOne", path);
  }

  static Answer select(String pstate, String path) throws Exception {
    return post("/rest/" + M + "/pstate/" + pstate + "/select", path);
  }

  static Answer invoke(String query, String args) throws Exception {
    return post("/rest/" + M + "/query/" + query + "/invoke", args);
  }

  static final String DOC =
      "{\"m\": {\"a\": 1, \"b\": 2, \"c\": 3}, \"l\": [1, 2, 3, 4], \"s\": \"x\", \"n\": null,"
          + " \"id\": 7, \"tags\": [\"a\", \"b\"]}";

  /** The data the module holds, as plain Java values, for the expected answers. */
  @SuppressWarnings("unchecked")
  static Map<String, Object> data() throws Exception {
    Map<String, Object> doc = JSON.readValue(DOC, Map.class);
    TreeMap<Integer, String> sorted = new TreeMap<>();
    TreeSet<Integer> set = new TreeSet<>();
    for (int i = 1; i <= 10; i++) {
      sorted.put(i, "v" + i);
      set.add(i * 10);
    }
    java.util.HashMap<String, Object> all = new java.util.HashMap<>();
    all.put("doc", doc);
    all.put("r", sorted);
    all.put("s", set);
    return all;
  }

  static void same(String pstate, String jsonPath, Path javaPath) throws Exception {
    Answer a = select(pstate, jsonPath);
    assertThat(a.status()).as("%s -> %s", jsonPath, a.body()).isEqualTo(200);
    List<Object> expected = Paths.select(javaPath, data(), Vars.NONE);
    assertThat(a.json()).as(jsonPath).isEqualTo(JSON.valueToTree(expected));
  }

  @Test
  void appendSelectInvoke() throws Exception {
    Answer a = append("*values", "{\"data\": [\"k1\", {\"a\": 1, \"b\": [2.5, \"x\"]}]}");
    assertThat(a.status()).as(a.body()).isEqualTo(200);
    assertThat(a.json().get("store").asText())
        .isEqualTo("Map{String=Integer,String=List[Double,String]}");
    Answer s = selectOne("$$values", "[\"k1\", \"b\"]");
    assertThat(s.status()).as(s.body()).isEqualTo(200);
    assertThat(s.body()).isEqualTo("[2.5,\"x\"]");
    Answer all = select("$$values", "[\"k1\", \"b\", [\"all\"]]");
    assertThat(all.body()).isEqualTo("[2.5,\"x\"]");
    assertThat(select("$$values", "[\"nothing-here\"]").body()).isEqualTo("[null]");
    Answer q = invoke("add", "[2, 3]");
    assertThat(q.status()).as(q.body()).isEqualTo(200);
    assertThat(q.body()).isEqualTo("5");
  }

  @Test
  void ackLevels() throws Exception {
    Answer dflt = append("*values", "{\"data\": [\"ack1\", 1]}");
    assertThat(dflt.body()).isEqualTo("{\"store\":\"Integer\"}");
    Answer ack = append("*values", "{\"data\": [\"ack2\", 2], \"ackLevel\": \"ack\"}");
    assertThat(ack.body()).isEqualTo("{\"store\":\"Integer\"}");
    assertThat(selectOne("$$values", "[\"ack2\"]").body()).isEqualTo("2");
    Answer appendAck = append("*values", "{\"data\": [\"ack3\", 3], \"ackLevel\": \"appendAck\"}");
    assertThat(appendAck.status()).isEqualTo(200);
    assertThat(appendAck.body()).isEqualTo("{}");
    Answer none = append("*values", "{\"data\": [\"ack4\", 4], \"ackLevel\": \"none\"}");
    assertThat(none.body()).isEqualTo("{}");
    // both were stored and processed: visible soon
    long deadline = System.nanoTime() + 20_000_000_000L;
    while (!(selectOne("$$values", "[\"ack3\"]").body().equals("3")
        && selectOne("$$values", "[\"ack4\"]").body().equals("4"))) {
      assertThat(System.nanoTime()).isLessThan(deadline);
      Thread.sleep(20);
    }
  }

  @Test
  void jsonTypingRules() throws Exception {
    String[][] cases = {
      {"1", "Integer"},
      {"-2147483648", "Integer"},
      {"2.5", "Double"},
      {"1e3", "Double"},
      {"\"plain\"", "String"},
      {"true", "Boolean"},
      {"null", "null"},
      {"\"#__L123\"", "Long"},
      {"\"#__L-9223372036854775808\"", "Long"},
      {"\"#__S12\"", "Short"},
      {"\"#__B-7\"", "Byte"},
      {"\"#__F1.5\"", "Float"},
      {"\"#__Cz\"", "Character"},
      {"\"#__fOps.INC\"", "Function"},
      {"\"#__fdev.deimos.server.testmodules.Describe\"", "Function"},
      {
        "[1, \"#__L2\", [\"#__S3\", {\"#__L4\": \"#__B5\"}]]",
        "List[Integer,Long,List[Short,Map{Long=Byte}]]"
      },
      {"{\"k\": {\"deep\": [[\"#__F2.0\"]]}}", "Map{String=Map{String=List[List[Float]]}}"},
    };
    for (String[] c : cases) {
      Answer a = append("*values", "{\"data\": [\"typed\", " + c[0] + "]}");
      assertThat(a.status()).as(c[0] + " " + a.body()).isEqualTo(200);
      assertThat(a.json().get("store").asText()).as(c[0]).isEqualTo(c[1]);
      Answer q = invoke("describe", "[" + c[0] + "]");
      assertThat(q.json().asText()).as(c[0]).isEqualTo(c[1]);
    }
    // values come back as plain JSON; a stored Long reads back as a number
    append("*values", "{\"data\": [\"long\", \"#__L9007199254740993\"]}");
    assertThat(selectOne("$$values", "[\"long\"]").body()).isEqualTo("9007199254740993");
    assertThat(selectOne("$$values", "[\"#__L1\"]").body()).isEqualTo("null");
    append("*values", "{\"data\": [\"#__L1\", \"long key\"]}");
    assertThat(selectOne("$$values", "[\"#__L1\"]").body()).isEqualTo("\"long key\"");
    assertThat(selectOne("$$values", "[1]").body()).as("Integer 1 is not Long 1").isEqualTo("null");
  }

  @Test
  void badTypedValues() throws Exception {
    String[][] cases = {
      {"3000000000", "does not fit a 32-bit Integer", "#__L3000000000"},
      {"\"#__Labc\"", "is not a valid Long", "data[1]"},
      {"\"#__L99999999999999999999\"", "is not a valid Long", "#__L9999"},
      {"\"#__S70000\"", "is not a valid Short", "#__S70000"},
      {"\"#__B300\"", "is not a valid Byte", "#__B300"},
      {"\"#__Fx\"", "is not a valid Float", "#__Fx"},
      {"\"#__Cab\"", "exactly one character", "#__Cab"},
      {"\"#__fOps.NOPE\"", "Ops has no NOPE", "Ops.NOPE"},
      {"\"#__fno.such.Fn\"", "no such class", "no.such.Fn"},
      {"\"#__fjava.lang.String\"", "does not implement a DeimosFunction", "java.lang.String"},
      {"\"#__Kkw\"", "keywords", "#__Kkw"},
      {"\"#__Q1\"", "unknown type letter 'Q'", "#__Q1"},
      {"{\"a\": [1, {\"b\": \"#__Lx\"}]}", "at data[1].a[1].b", "#__Lx"},
    };
    for (String[] c : cases) {
      Answer a = append("*values", "{\"data\": [\"bad\", " + c[0] + "]}");
      assertThat(a.status()).as(c[0] + " " + a.body()).isEqualTo(400);
      assertThat(a.error()).as(c[0]).contains(c[1]).contains(c[2]);
    }
    assertThat(selectOne("$$values", "[\"bad\"]").body()).as("nothing stored").isEqualTo("null");
  }

  @Test
  void everyNavigator() throws Exception {
    same("$$values", "[\"doc\", \"m\", \"a\"]", Path.key("doc", "m", "a"));
    same(
        "$$values", "[[\"key\", \"doc\", \"m\"], [\"key\", \"b\"]]", Path.key("doc", "m").key("b"));
    same("$$values", "[\"doc\", [\"must\", \"s\"]]", Path.key("doc").must("s"));
    same("$$values", "[\"doc\", [\"must\", \"missing\"]]", Path.key("doc").must("missing"));
    same("$$values", "[\"doc\", \"l\", [\"all\"]]", Path.key("doc", "l").all());
    same("$$values", "[\"doc\", \"m\", [\"mapKeys\"]]", Path.key("doc", "m").mapKeys());
    same("$$values", "[\"doc\", \"m\", [\"mapVals\"]]", Path.key("doc", "m").mapVals());
    same("$$values", "[\"doc\", \"m\", [\"mapKey\", \"a\"]]", Path.key("doc", "m").mapKey("a"));
    same("$$values", "[\"doc\", \"l\", [\"first\"]]", Path.key("doc", "l").first());
    same("$$values", "[\"doc\", \"l\", [\"last\"]]", Path.key("doc", "l").last());
    same("$$values", "[\"doc\", \"l\", [\"nth\", 2]]", Path.key("doc", "l").nth(2));
    same("$$values", "[\"doc\", \"l\", [\"sublist\", 1, 3]]", Path.key("doc", "l").sublist(1, 3));
    same(
        "$$values",
        "[\"doc\", \"m\", [\"subMap\", \"a\", \"c\"]]",
        Path.key("doc", "m").subMap("a", "c"));
    same("$$sorted", "[\"r\", [\"sortedMapRange\", 2, 5]]", Path.key("r").sortedMapRange(2, 5));
    same(
        "$$sorted",
        "[\"r\", [\"sortedMapRange\", 2, 5, {\"inclusive-start?\": false, \"inclusive-end?\": true}]]",
        Path.key("r").sortedMapRange(2, 5, SortedRangeOptions.excludeStart().includeEnd()));
    same("$$sorted", "[\"r\", [\"sortedMapRangeFrom\", 8]]", Path.key("r").sortedMapRangeFrom(8));
    same(
        "$$sorted",
        "[\"r\", [\"sortedMapRangeFrom\", 3, 2]]",
        Path.key("r").sortedMapRangeFrom(3, 2));
    same(
        "$$sorted",
        "[\"r\", [\"sortedMapRangeFrom\", 3, {\"max-amt\": 2, \"inclusive?\": false}]]",
        Path.key("r").sortedMapRangeFrom(3, SortedRangeFromOptions.maxAmt(2).excludeStart()));
    same("$$sorted", "[\"r\", [\"sortedMapRangeTo\", 3]]", Path.key("r").sortedMapRangeTo(3));
    same("$$sorted", "[\"r\", [\"sortedMapRangeTo\", 9, 2]]", Path.key("r").sortedMapRangeTo(9, 2));
    same(
        "$$sorted",
        "[\"r\", [\"sortedMapRangeTo\", 9, {\"max-amt\": 2, \"inclusive?\": true}]]",
        Path.key("r").sortedMapRangeTo(9, SortedRangeToOptions.maxAmt(2).includeEnd()));
    same("$$sets", "[\"s\", [\"sortedSetRange\", 20, 50]]", Path.key("s").sortedSetRange(20, 50));
    same(
        "$$sets",
        "[\"s\", [\"sortedSetRange\", 20, 50, {\"inclusive-end?\": true}]]",
        Path.key("s").sortedSetRange(20, 50, SortedRangeOptions.includeEnd()));
    same("$$sets", "[\"s\", [\"sortedSetRangeFrom\", 80]]", Path.key("s").sortedSetRangeFrom(80));
    same(
        "$$sets",
        "[\"s\", [\"sortedSetRangeFrom\", 30, {\"max-amt\": 2}]]",
        Path.key("s").sortedSetRangeFrom(30, SortedRangeFromOptions.maxAmt(2)));
    same("$$sets", "[\"s\", [\"sortedSetRangeTo\", 30]]", Path.key("s").sortedSetRangeTo(30));
    same(
        "$$sets",
        "[\"s\", [\"sortedSetRangeTo\", 100, 3]]",
        Path.key("s").sortedSetRangeTo(100, 3));
    // term navigators, inside transformed
    same(
        "$$values",
        "[\"doc\", \"l\", [\"transformed\", [[\"all\"], [\"term\", \"#__fOps.INC\"]]]]",
        Path.key("doc", "l").transformed(Path.all().term(Ops.INC)));
    same(
        "$$values",
        "[\"doc\", \"l\", [\"transformed\", [[\"all\"], [\"term\", \"#__fOps.PLUS\", 10]]]]",
        Path.key("doc", "l").transformed(Path.all().term(Ops.PLUS, 10)));
    same(
        "$$values",
        "[\"doc\", \"s\", [\"transformed\", [[\"termVal\", \"y\"]]]]",
        Path.key("doc", "s").transformed(Path.termVal("y")));
    same(
        "$$values",
        "[\"doc\", \"m\", [\"transformed\", [\"a\", [\"termVoid\"]]]]",
        Path.key("doc", "m").transformed(Path.key("a").termVoid()));
    same(
        "$$values",
        "[\"doc\", \"l\", [\"transformed\", [[\"afterElem\"], [\"termVal\", 9]]]]",
        Path.key("doc", "l").transformed(Path.afterElem().termVal(9)));
    same(
        "$$values",
        "[\"doc\", \"l\", [\"transformed\", [[\"beforeElem\"], [\"termVal\", 0]]]]",
        Path.key("doc", "l").transformed(Path.beforeElem().termVal(0)));
    same(
        "$$values",
        "[\"doc\", \"l\", [\"transformed\", [[\"beforeIndex\", 1], [\"termVal\", 5]]]]",
        Path.key("doc", "l").transformed(Path.beforeIndex(1).termVal(5)));
    same(
        "$$values",
        "[\"doc\", \"l\", [\"transformed\", [[\"beginning\"], [\"termVal\", [8]]]]]",
        Path.key("doc", "l").transformed(Path.beginning().termVal(List.of(8))));
    same(
        "$$values",
        "[\"doc\", \"l\", [\"transformed\", [[\"end\"], [\"termVal\", [8]]]]]",
        Path.key("doc", "l").transformed(Path.end().termVal(List.of(8))));
    same(
        "$$sets",
        "[\"s\", [\"transformed\", [[\"voidSetElem\"], [\"termVal\", 5]]]]",
        Path.key("s").transformed(Path.voidSetElem().termVal(5)));
    same(
        "$$sets",
        "[\"s\", [\"transformed\", [[\"setElem\", 10], [\"termVoid\"]]]]",
        Path.key("s").transformed(Path.setElem(10).termVoid()));
    same("$$sets", "[\"s\", [\"setElem\", 20]]", Path.key("s").setElem(20));
    // filters
    same(
        "$$values",
        "[\"doc\", \"l\", [\"all\"], \"#__fOps.IS_EVEN\"]",
        Path.key("doc", "l").all().filterPred(Ops.IS_EVEN));
    same(
        "$$values",
        "[\"doc\", \"l\", [\"all\"], [\"filterPred\", \"#__fOps.IS_ODD\"]]",
        Path.key("doc", "l").all().filterPred(Ops.IS_ODD));
    same(
        "$$values",
        "[\"doc\", \"l\", [\"all\"], [\"filterEqual\", 2]]",
        Path.key("doc", "l").all().filterEqual(2));
    same(
        "$$values",
        "[\"doc\", \"l\", [\"all\"], [\"filterNotEqual\", 2]]",
        Path.key("doc", "l").all().filterNotEqual(2));
    same(
        "$$values",
        "[\"doc\", \"l\", [\"all\"], [\"filterLessThan\", 3]]",
        Path.key("doc", "l").all().filterLessThan(3));
    same(
        "$$values",
        "[\"doc\", \"l\", [\"all\"], [\"filterLessThanOrEqual\", 3]]",
        Path.key("doc", "l").all().filterLessThanOrEqual(3));
    same(
        "$$values",
        "[\"doc\", \"l\", [\"all\"], [\"filterGreaterThan\", 3]]",
        Path.key("doc", "l").all().filterGreaterThan(3));
    same(
        "$$values",
        "[\"doc\", \"l\", [\"all\"], [\"filterGreaterThanOrEqual\", 3]]",
        Path.key("doc", "l").all().filterGreaterThanOrEqual(3));
    same(
        "$$values",
        "[\"doc\", [\"filterSelected\", [\"m\", \"a\"]], \"s\"]",
        Path.key("doc").filterSelected(Path.key("m", "a")).key("s"));
    same(
        "$$values",
        "[\"doc\", [\"filterNotSelected\", [\"m\", \"a\"]], \"s\"]",
        Path.key("doc").filterNotSelected(Path.key("m", "a")).key("s"));
    same(
        "$$values",
        "[\"doc\", \"l\", [\"filteredList\", [[\"filterGreaterThan\", 2]]]]",
        Path.key("doc", "l").filteredList(Path.filterGreaterThan(2)));
    // control
    same(
        "$$values",
        "[\"doc\", [\"ifPath\", [\"m\"], [\"s\"]]]",
        Path.key("doc").ifPath(Path.key("m"), Path.key("s")));
    same(
        "$$values",
        "[\"doc\", [\"ifPath\", [\"zzz\", [\"must\", \"q\"]], [\"s\"], [\"id\"]]]",
        Path.key("doc").ifPath(Path.key("zzz").must("q"), Path.key("s"), Path.key("id")));
    same(
        "$$values",
        "[\"doc\", [\"multiPath\", [\"s\"], [\"id\"], [\"m\", \"b\"]]]",
        Path.key("doc").multiPath(Path.key("s"), Path.key("id"), Path.key("m", "b")));
    same(
        "$$values",
        "[\"doc\", [\"subselect\", [\"l\", [\"all\"], \"#__fOps.IS_EVEN\"]]]",
        Path.key("doc").subselect(Path.key("l").all().filterPred(Ops.IS_EVEN)));
    same("$$values", "[\"doc\", \"n\", [\"nullToVal\", 5]]", Path.key("doc", "n").nullToVal(5));
    same("$$values", "[\"doc\", \"n\", [\"nullToList\"]]", Path.key("doc", "n").nullToList());
    same("$$values", "[\"doc\", \"n\", [\"nullToSet\"]]", Path.key("doc", "n").nullToSet());
    same("$$values", "[\"doc\", \"s\", [\"stay\"]]", Path.key("doc", "s").stay());
    same("$$values", "[\"doc\", \"s\", [\"stop\"]]", Path.key("doc", "s").stop());
    same(
        "$$values",
        "[\"doc\", \"l\", [\"view\", \"#__fOps.SIZE\"]]",
        Path.key("doc", "l").view(Ops.SIZE));
    same(
        "$$values",
        "[\"doc\", \"id\", [\"view\", \"#__fOps.PLUS\", 3]]",
        Path.key("doc", "id").view(Ops.PLUS, 3));
    same(
        "$$values",
        "[\"doc\", \"m\", [\"view\", \"#__fdev.deimos.server.testmodules.Describe\"]]",
        Path.key("doc", "m").view(new dev.deimos.server.testmodules.Describe()));
    // collecting
    same(
        "$$values",
        "[\"doc\", [\"collectOne\", [\"id\"]], \"tags\", [\"all\"]]",
        Path.key("doc").collectOne(Path.key("id")).key("tags").all());
    same(
        "$$values",
        "[\"doc\", [\"collect\", [\"l\", [\"all\"]]], \"s\"]",
        Path.key("doc").collect(Path.key("l").all()).key("s"));
    same(
        "$$values",
        "[\"doc\", [\"putCollected\", 1], \"s\"]",
        Path.key("doc").putCollected(1).key("s"));
    same(
        "$$values",
        "[\"doc\", [\"collectOne\", [\"id\"]], [\"dispenseCollected\"], \"s\"]",
        Path.key("doc").collectOne(Path.key("id")).dispenseCollected().key("s"));
    same(
        "$$values",
        "[\"doc\", [\"collectOne\", [\"id\"]], [\"isCollected\", \"#__fOps.IS_NOT_NULL\"], \"s\"]",
        Path.key("doc").collectOne(Path.key("id")).isCollected(Ops.IS_NOT_NULL).key("s"));
    // explicit partition key
    same("$$values", "[[\"pkey\", \"doc\"], \"doc\", \"s\"]", Path.key("doc", "s"));
    Answer one = selectOne("$$values", "[[\"pkey\", \"doc\"], \"doc\", \"id\"]");
    assertThat(one.body()).isEqualTo("7");
    assertThat(selectOne("$$sorted", "[\"r\", [\"sortedMapRangeFrom\", 9]]").body())
        .isEqualTo("{\"9\":\"v9\",\"10\":\"v10\"}");
  }

  @Test
  void everyNavigatorNameIsTested() throws Exception {
    String src =
        Files.readString(
            java.nio.file.Path.of("src/test/java/dev/deimos/server/RestEndToEndTest.java"));
    List<String> missing = new ArrayList<>();
    for (String n : dev.deimos.server.rest.RestApi.navigatorNames()) {
      if (!src.contains("[\\\"" + n + "\\\"")) {
        missing.add(n);
      }
    }
    assertThat(missing).as("navigators without a REST test").isEmpty();
  }

  @Test
  void badPaths() throws Exception {
    String[][] cases = {
      {"{\"a\": 1}", "a path is a JSON list"},
      {"[[\"nosuch\", 1]]", "unknown navigator \"nosuch\""},
      {"[[1, 2]]", "[name, args...]"},
      {"[\"doc\", [\"nth\"]]", "\"nth\" takes 1 arguments, got 0"},
      {"[\"doc\", [\"all\", 1]]", "\"all\" takes 0 arguments, got 1"},
      {"[\"doc\", [\"termVal\", 1]]", "only inside [\"transformed\", path]"},
      {"[\"doc\", [\"filterSelected\", \"m\"]]", "must be a path"},
      {"[\"doc\", {\"a\": 1}]", "not a navigator"},
      {"[\"doc\", [\"filterPred\", \"#__fOps.PLUS\", 1]]", "takes 1 arguments"},
      {"[\"doc\", [\"filterPred\", 3]]", "one-argument function"},
      {
        "[\"doc\", [\"view\", \"#__fOps.IS_EVEN\", 1, 2, 3, 4, 5, 6, 7, 8]]", "takes 1..8 arguments"
      },
      {"[\"doc\", \"pkey\", [\"pkey\", 1]]", "may only be the first element"},
      {"[[\"pkey\", 1, 2]]", "exactly one key"},
      {"[\"r\", [\"sortedMapRangeFrom\", 1, {\"max\": 2}]]", "unknown option \"max\""},
      {"[\"r\", [\"sortedMapRangeFrom\", 1, {\"max-amt\": \"x\"}]]", "max-amt must be an integer"},
      {"[\"r\", [\"sortedMapRange\", 1, 2, {\"inclusive-end?\": 1}]]", "must be true or false"},
      {"[\"doc\", [\"key\", \"#__Lnope\"]]", "path[1]"},
    };
    for (String[] c : cases) {
      Answer a = select("$$values", c[0]);
      assertThat(a.status()).as(c[0] + " " + a.body()).isEqualTo(400);
      assertThat(a.error()).as(c[0]).contains(c[1]);
    }
    // a path that fails on the data it meets
    Answer a = select("$$values", "[\"doc\", \"s\", [\"nth\", 0]]");
    assertThat(a.status()).as(a.body()).isEqualTo(400);
    Answer one = selectOne("$$values", "[\"doc\", \"l\", [\"all\"]]");
    assertThat(one.status()).as(one.body()).isEqualTo(400);
    assertThat(one.error()).contains("reached 4 values");
    // an answer JSON cannot hold
    Answer fn = select("$$values", "[\"doc\", [\"view\", \"#__fOps.CLASS\"]]");
    assertThat(fn.status()).as(fn.body()).isEqualTo(400);
    assertThat(fn.error()).contains("JSON cannot represent");
  }

  @Test
  void unknownNamesAre404() throws Exception {
    Answer m = post("/rest/no.such.Module/depot/*d/append", "{\"data\": 1}");
    assertThat(m.status()).isEqualTo(404);
    assertThat(m.error()).contains("module no.such.Module is not deployed");
    Answer d = append("*nope", "{\"data\": 1}");
    assertThat(d.status()).isEqualTo(404);
    assertThat(d.error()).contains("has no depot *nope");
    Answer p = select("$$nope", "[]");
    assertThat(p.status()).isEqualTo(404);
    assertThat(p.error()).contains("has no PState $$nope");
    Answer q = invoke("nope", "[]");
    assertThat(q.status()).isEqualTo(404);
    assertThat(q.error()).contains("has no query topology nope");
    Answer e = post("/rest/" + M + "/depots/*values/append", "{}");
    assertThat(e.status()).isEqualTo(404);
    assertThat(e.error()).contains("no such endpoint");
  }

  @Test
  void badBodies() throws Exception {
    String[][] cases = {
      {"", "empty request body"},
      {"{\"data\": ", "malformed JSON"},
      {"{\"data\": 1} trailing", "malformed JSON"},
      {"[1, 2]", "an append body is {\"data\""},
      {"{\"ackLevel\": \"ack\"}", "no \"data\""},
      {"{\"data\": 1, \"extra\": 2}", "unknown field \"extra\""},
      {"{\"data\": 1, \"ackLevel\": \"sometimes\"}", "unknown ackLevel sometimes"},
      {"{\"data\": 1, \"data\": 2}", "Duplicate field"},
      {"{\"data\": " + "[".repeat(5000) + "]".repeat(5000) + "}", "nesting"},
    };
    for (String[] c : cases) {
      Answer a = append("*values", c[0]);
      assertThat(a.status())
          .as(c[0].length() > 100 ? "deep" : c[0] + " " + a.body())
          .isEqualTo(400);
      assertThat(a.error()).contains(c[1]);
    }
    Answer q = invoke("add", "{\"a\": 1}");
    assertThat(q.status()).isEqualTo(400);
    assertThat(q.error()).contains("query arguments are a JSON list");
    // 100 MB: refused with 413 before it is read, and the server keeps serving
    byte[] big = new byte[100 << 20];
    java.util.Arrays.fill(big, (byte) ' ');
    big[0] = '[';
    big[big.length - 1] = ']';
    HttpRequest r =
        HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + restPort + "/rest/" + M + "/query/add/invoke"))
            .timeout(Duration.ofSeconds(60))
            .header("Authorization", "Bearer " + TOKEN)
            .POST(HttpRequest.BodyPublishers.ofByteArray(big))
            .build();
    int status;
    try {
      status = http.send(r, HttpResponse.BodyHandlers.ofString()).statusCode();
    } catch (java.io.IOException closed) {
      status = 413; // the server may close the connection while the client still sends
    }
    assertThat(status).isEqualTo(413);
    assertThat(invoke("add", "[1, 2]").body()).isEqualTo("3");
  }

  @Test
  void failuresInModuleCode() throws Exception {
    Answer q = invoke("boom", "[1]");
    assertThat(q.status()).isEqualTo(500);
    assertThat(q.error()).contains("boom on 1");
    Answer wrongArity = invoke("add", "[1]");
    assertThat(wrongArity.status()).isEqualTo(400);
    // an Integer where the PState schema wants a Long: the append fails, nothing is stored
    Answer s = append("*longs", "{\"data\": [\"a\", 1]}");
    assertThat(s.status()).as(s.body()).isEqualTo(400);
    assertThat(s.error()).contains("Long");
    assertThat(append("*longs", "{\"data\": [\"a\", \"#__L1\"]}").status()).isEqualTo(200);
    assertThat(selectOne("$$longs", "[\"a\"]").body()).isEqualTo("1");
  }

  @Test
  void tokenGuardsEverything() throws Exception {
    Answer a = send("/rest/" + M + "/query/add/invoke", "[1,2]", null);
    assertThat(a.status()).isEqualTo(401);
    assertThat(a.body()).doesNotContain("add").doesNotContain("Module");
    Answer b = send("/rest/nosuch/query/add/invoke", "[1,2]", "Bearer wrong");
    assertThat(b.status()).isEqualTo(401);
    assertThat(b.body()).isEqualTo(a.body());
    Answer c = send("/no/such/route", "", "Basic " + TOKEN);
    assertThat(c.status()).isEqualTo(401);
    assertThat(c.body()).isEqualTo(a.body());
    HttpResponse<String> m =
        http.send(
            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + restPort + "/metrics"))
                .GET()
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(m.statusCode()).isEqualTo(401);
    assertThat(m.body()).doesNotContain("deimos_");
  }

  /** One sample of a Prometheus text scrape. */
  record Sample(String name, Map<String, String> labels, double value) {}

  static final java.util.regex.Pattern SAMPLE =
      java.util.regex.Pattern.compile(
          "([a-zA-Z_:][a-zA-Z0-9_:]*)(\\{(.*)\\})? (-?[0-9.]+(?:[eE][-+]?[0-9]+)?|NaN|\\+Inf|-Inf)");
  static final java.util.regex.Pattern LABEL =
      java.util.regex.Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)=\"((?:\\\\.|[^\"\\\\])*)\",?");

  /** Parses a scrape strictly: every line a comment or a sample of a family with a TYPE. */
  static List<Sample> scrape() throws Exception {
    HttpResponse<String> r =
        http.send(
            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + restPort + "/metrics"))
                .header("Authorization", "Bearer " + TOKEN)
                .GET()
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("text/plain");
    java.util.Set<String> typed = new java.util.HashSet<>();
    List<Sample> out = new ArrayList<>();
    for (String line : r.body().split("\n")) {
      if (line.isEmpty()) {
        continue;
      }
      if (line.startsWith("# TYPE ")) {
        String[] t = line.split(" ");
        assertThat(t).hasSize(4);
        assertThat(t[3]).isIn("counter", "gauge", "histogram", "summary", "untyped");
        typed.add(t[2]);
        continue;
      }
      if (line.startsWith("# HELP ")) {
        continue;
      }
      java.util.regex.Matcher m = SAMPLE.matcher(line);
      assertThat(m.matches()).as("not a Prometheus sample: %s", line).isTrue();
      String name = m.group(1);
      String family = name.replaceAll("_(bucket|count|sum|total|created)$", "");
      assertThat(typed.contains(name) || typed.contains(family))
          .as("no TYPE for %s", name)
          .isTrue();
      Map<String, String> labels = new java.util.TreeMap<>();
      if (m.group(3) != null) {
        java.util.regex.Matcher l = LABEL.matcher(m.group(3));
        int end = 0;
        while (l.find()) {
          assertThat(l.start()).isEqualTo(end);
          labels.put(l.group(1), l.group(2));
          end = l.end();
        }
        assertThat(end).as("labels of %s", line).isEqualTo(m.group(3).length());
      }
      out.add(new Sample(name, labels, Double.parseDouble(m.group(4).replace("+Inf", "Infinity"))));
    }
    return out;
  }

  static double value(List<Sample> all, String name, String... labels) {
    double sum = 0;
    boolean found = false;
    outer:
    for (Sample s : all) {
      if (!s.name().equals(name)) {
        continue;
      }
      for (int i = 0; i < labels.length; i += 2) {
        if (!labels[i + 1].equals(s.labels().get(labels[i]))) {
          continue outer;
        }
      }
      sum += s.value();
      found = true;
    }
    return found ? sum : 0;
  }

  @Test
  void metricsCountTheWork() throws Exception {
    String mod = RestModule.NAME;
    List<Sample> before = scrape();
    for (int i = 0; i < 5; i++) {
      assertThat(append("*sorted", "{\"data\": [\"metrics\", " + i + ", \"m\"]}").status())
          .isEqualTo(200);
    }
    try (dev.deimos.DeimosClusterManager c =
        dev.deimos.DeimosClusterManager.open(
            ServerEndToEndTest.client(server.port, TOKEN, 20_000))) {
      dev.deimos.Depot d = c.clusterDepot(mod, "*sorted");
      for (int i = 5; i < 8; i++) {
        d.append(List.of("metrics", i, "b"));
      }
      c.clusterPState(mod, "$$sorted").select(Path.key("metrics").all());
    }
    assertThat(append("*longs", "{\"data\": [\"m\", 1]}").status()).isEqualTo(400);
    assertThat(append("*flaky", "{\"data\": \"f1\"}").status()).isEqualTo(200);
    assertThat(selectOne("$$sorted", "[\"metrics\", 0]").body()).isEqualTo("\"m\"");
    List<Sample> after = scrape();
    String[] sorted = {"module", mod, "depot", "*sorted"};
    assertThat(
            value(after, "deimos_depot_appends_total", sorted)
                - value(before, "deimos_depot_appends_total", sorted))
        .isEqualTo(8);
    assertThat(value(after, "deimos_depot_records", sorted)).isGreaterThanOrEqualTo(18);
    assertThat(
            value(after, "deimos_depot_append_bytes_total", sorted)
                - value(before, "deimos_depot_append_bytes_total", sorted))
        .isGreaterThan(8 * 5);
    String[] store = {"module", mod, "topology", "store"};
    assertThat(
            value(after, "deimos_topology_records_processed_total", store)
                - value(before, "deimos_topology_records_processed_total", store))
        .isEqualTo(8);
    assertThat(
            value(after, "deimos_topology_record_latency_seconds_count", store)
                - value(before, "deimos_topology_record_latency_seconds_count", store))
        .isEqualTo(8);
    assertThat(
            value(after, "deimos_topology_record_failures_total", store)
                - value(before, "deimos_topology_record_failures_total", store))
        .isEqualTo(1);
    String[] flaky = {"module", mod, "topology", "flaky"};
    assertThat(
            value(after, "deimos_topology_record_retries_total", flaky)
                - value(before, "deimos_topology_record_retries_total", flaky))
        .isEqualTo(2);
    assertThat(
            value(after, "deimos_topology_records_processed_total", flaky)
                - value(before, "deimos_topology_records_processed_total", flaky))
        .isEqualTo(1);
    String[] pw = {"module", mod, "pstate", "$$sorted"};
    assertThat(
            value(after, "deimos_pstate_writes_total", pw)
                - value(before, "deimos_pstate_writes_total", pw))
        .isEqualTo(8);
    String[] restAppend = {"protocol", "rest", "op", "append", "outcome", "ok"};
    assertThat(
            value(after, "deimos_client_requests_seconds_count", restAppend)
                - value(before, "deimos_client_requests_seconds_count", restAppend))
        .isEqualTo(6);
    String[] rest400 = {"protocol", "rest", "op", "append", "outcome", "400"};
    assertThat(
            value(after, "deimos_client_requests_seconds_count", rest400)
                - value(before, "deimos_client_requests_seconds_count", rest400))
        .isEqualTo(1);
    String[] binAppend = {"protocol", "binary", "op", "append", "outcome", "ok"};
    assertThat(
            value(after, "deimos_client_requests_seconds_count", binAppend)
                - value(before, "deimos_client_requests_seconds_count", binAppend))
        .isEqualTo(3);
    String[] binSelect = {"protocol", "binary", "op", "select", "outcome", "ok"};
    assertThat(
            value(after, "deimos_client_requests_seconds_count", binSelect)
                - value(before, "deimos_client_requests_seconds_count", binSelect))
        .isEqualTo(1);
    // histograms have buckets ending in +Inf equal to the count
    assertThat(
            value(
                after,
                "deimos_client_requests_seconds_bucket",
                "protocol",
                "rest",
                "op",
                "append",
                "outcome",
                "ok",
                "le",
                "+Inf"))
        .isEqualTo(value(after, "deimos_client_requests_seconds_count", restAppend));
    // the microbatch topology commits the 8 records (and the 10 of the setup) in time
    String[] mb = {"module", mod, "topology", "mb"};
    long deadline = System.nanoTime() + 30_000_000_000L;
    List<Sample> now = after;
    while (value(now, "deimos_microbatch_records_total", mb) < 18) {
      assertThat(System.nanoTime()).as("microbatch records counted").isLessThan(deadline);
      Thread.sleep(50);
      now = scrape();
    }
    assertThat(
            value(
                now,
                "deimos_microbatch_attempts_total",
                "module",
                mod,
                "topology",
                "mb",
                "outcome",
                "committed"))
        .isGreaterThan(0);
    assertThat(value(now, "deimos_microbatch_duration_seconds_count", mb)).isGreaterThan(0);
    assertThat(value(now, "jvm_memory_used_bytes")).isGreaterThan(0);
  }
}
