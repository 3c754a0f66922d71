package dev.deimos;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import org.junit.jupiter.api.Test;

class SubindexOptionsTest {

  @Test
  void create_defaults_sizeTracked() {
    SubindexOptions.Impl o = SubindexOptions.create();

    assertThat(o).isInstanceOf(SubindexOptions.CapturedSubindexOptions.class);
    assertThat(((SubindexOptions.CapturedSubindexOptions) o).isSizeTracked()).isTrue();
  }

  @Test
  void withoutSizeTracking_bothForms_turnTrackingOff() {
    SubindexOptions.Impl a = SubindexOptions.withoutSizeTracking();
    SubindexOptions.Impl b = SubindexOptions.create().withoutSizeTracking();

    assertThat(((SubindexOptions.CapturedSubindexOptions) a).isSizeTracked()).isFalse();
    assertThat(((SubindexOptions.CapturedSubindexOptions) b).isSizeTracked()).isFalse();
  }

  @Test
  void options_javaSerialization_roundTripsSetting() throws Exception {
    SubindexOptions.Impl o = SubindexOptions.withoutSizeTracking();
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
      out.writeObject(o);
    }
    Object back;
    try (ObjectInputStream in =
        new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
      back = in.readObject();
    }

    assertThat(((SubindexOptions.CapturedSubindexOptions) back).isSizeTracked()).isFalse();
  }
}
