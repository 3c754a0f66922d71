package dev.deimos.server.rest;

import dev.deimos.Depot;
import dev.deimos.PState;
import dev.deimos.QueryTopologyClient;

/** What the REST API needs from the server: handles to a module's objects and its state. */
public interface RestBackend {
  /**
   * Whether a module of that name is deployed.
   *
   * @param module the module name
   * @return true if deployed
   */
  boolean hasModule(String module);

  /**
   * Whether the module is being updated right now (REST answers 503 meanwhile).
   *
   * @param module the module name
   * @return true while an update or option change runs
   */
  boolean isUpdating(String module);

  /**
   * The class loader of the module's code, for function classes named in requests.
   *
   * @param module the module name
   * @return its loader
   */
  ClassLoader classLoader(String module);

  /**
   * A depot client.
   *
   * @param module the module name
   * @param depot the depot name
   * @return the client
   * @throws IllegalArgumentException if the module has no such depot
   */
  Depot depot(String module, String depot);

  /**
   * A PState client.
   *
   * @param module the module name
   * @param pstate the PState name
   * @return the client
   * @throws IllegalArgumentException if the module has no such PState
   */
  PState pstate(String module, String pstate);

  /**
   * A query topology client.
   *
   * @param module the module name
   * @param query the query topology name
   * @return the client
   * @throws IllegalArgumentException if the module has no such query topology
   */
  QueryTopologyClient<Object> query(String module, String query);
}
