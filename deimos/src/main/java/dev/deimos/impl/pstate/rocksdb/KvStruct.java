package dev.deimos.impl.pstate.rocksdb;

import dev.deimos.impl.path.WriteThrough;
import dev.deimos.impl.pstate.schema.StoredStructure;

/** A lazy view over one indexed structure's key range; the path engine changes it in place. */
interface KvStruct extends WriteThrough, StoredStructure {
  /** The structure's key prefix. */
  byte[] prefix();
}
