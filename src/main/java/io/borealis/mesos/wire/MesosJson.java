package io.borealis.mesos.wire;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * JSON as Mesos' stout writes and reads it: snake_case proto field names, enums by name, bytes as
 * padded Base64, 64-bit integers as bare numbers; unset fields and empty repeated fields are left
 * out, empty strings are written.
 * Decoding is lenient where Mesos is: unknown fields are ignored, unknown enum names become null
 * (unset), a lone value counts as a one-element list, and non-finite doubles are accepted.
 *
 * <p>On Jackson's streaming API alone ({@link WireCodec}): the executor speaks this too, and every
 * executor JVM started with databind loaded and ran its reflection over the records first.
 */
public final class MesosJson {
  private static final JsonFactory JSON = JsonFactory.builder().enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS).build();

  private MesosJson() {}

  public static byte[] encode(Object message) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(256);
    try (JsonGenerator out = JSON.createGenerator(bytes)) {
      WireCodec.of(message.getClass()).write(out, message);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot encode " + message.getClass().getSimpleName(), e);
    }
    return bytes.toByteArray();
  }

  public static String encodeToString(Object message) {
    return new String(encode(message), StandardCharsets.UTF_8);
  }

  /**
   * Decodes one message.
   *
   * @throws MesosJsonException naming what could not be read, in the words Mesos uses
   */
  public static <T> T decode(byte[] json, Class<T> type) {
    try (JsonParser in = JSON.createParser(json)) {
      JsonToken first = in.nextToken();
      if (first == null || first == JsonToken.VALUE_NULL) {
        throw new MesosJsonException("Failed to parse body into JSON: empty body");
      }
      return type.cast(WireCodec.of(type).read(in));
    } catch (JsonProcessingException e) {
      throw new MesosJsonException("Failed to parse body into JSON: " + e.getOriginalMessage(), e);
    } catch (WireCodec.WireFormatException e) {
      throw new MesosJsonException("Failed to parse body into JSON: " + e.at(type.getSimpleName()).getMessage(), e);
    } catch (IOException e) {
      throw new MesosJsonException("Failed to read body: " + e.getMessage(), e);
    }
  }

  /** A body that is not a valid message; the message is suitable for a 400 answer. */
  public static final class MesosJsonException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    MesosJsonException(String message) {
      super(message);
    }

    MesosJsonException(String message, Throwable cause) {
      super(message, cause);
    }
  }

}
