package dev.deimos.helpers;

import dev.deimos.DeimosSerializable;

/** Depot records the PState group tests append; fields are read with extractJavaFields. */
final class Commands {
  private Commands() {}

  public static final class AddItem implements DeimosSerializable {
    public final Object key;
    public final Object item;

    AddItem(Object key, Object item) {
      this.key = key;
      this.item = item;
    }
  }

  public static final class RemoveItem implements DeimosSerializable {
    public final Object key;
    public final Object item;

    RemoveItem(Object key, Object item) {
      this.key = key;
      this.item = item;
    }
  }

  public static final class RemoveItemById implements DeimosSerializable {
    public final Object key;
    public final Object id;

    RemoveItemById(Object key, Object id) {
      this.key = key;
      this.id = id;
    }
  }

  public static final class RemoveByEntityId implements DeimosSerializable {
    public final Object key;
    public final Object entityId;

    RemoveByEntityId(Object key, Object entityId) {
      this.key = key;
      this.entityId = entityId;
    }
  }

  public static final class RemoveKey implements DeimosSerializable {
    public final Object key;

    RemoveKey(Object key) {
      this.key = key;
    }
  }

  public static final class ClearItems implements DeimosSerializable {
    public final Object key;

    ClearItems(Object key) {
      this.key = key;
    }
  }
}
