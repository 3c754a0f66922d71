package dev.deimos.server.testmodules;

/** A version of {@link KeeperModule} whose {@code define} throws, to test a failing update. */
public class ThrowingKeeper extends ThrowingModule {
  @Override
  public String getModuleName() {
    return KeeperModule.NAME;
  }
}
