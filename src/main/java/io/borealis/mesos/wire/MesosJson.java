package io.borealis.mesos.wire;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * JSON as Mesos' stout writes and reads it: snake_case proto field names, enums by name, bytes as
 * padded Base64, 64-bit integers as bare numbers; unset fields and empty repeated fields are left
 * out, empty strings are written.
 * Decoding is lenient where Mesos is: unknown fields are ignored, unknown enum names become null
 * (unset), a lone value counts as a one-element list, and non-finite doubles are accepted.
 */
public final class MesosJson {
  private static final ObjectMapper MAPPER = JsonMapper.builder()
      .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
      .defaultPropertyInclusion(JsonInclude.Value.construct(JsonInclude.Include.NON_EMPTY, JsonInclude.Include.NON_EMPTY))
      .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
      .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
      .enable(DeserializationFeature.READ_UNKNOWN_ENUM_VALUES_AS_NULL)
      .enable(DeserializationFeature.ACCEPT_SINGLE_VALUE_AS_ARRAY)
      .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
      .build();

  static {
    // An empty string is a value (FrameworkInfo.user "" asks the master to pick the user) and an empty
    // byte array is one too; leaving them out would drop a field Mesos requires and get the call refused.
    MAPPER.configOverride(String.class).setInclude(JsonInclude.Value.construct(JsonInclude.Include.NON_NULL, null));
    MAPPER.configOverride(byte[].class).setInclude(JsonInclude.Value.construct(JsonInclude.Include.NON_NULL, null));
  }

  private MesosJson() {}

  public static byte[] encode(Object message) {
    try {
      return MAPPER.writeValueAsBytes(message);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot encode " + message.getClass().getSimpleName(), e);
    }
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
    try {
      T value = MAPPER.readValue(json, type);
      if (value == null) {
        throw new MesosJsonException("Failed to parse body into JSON: empty body");
      }
      return value;
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new MesosJsonException("Failed to parse body into JSON: " + e.getOriginalMessage(), e);
    } catch (IOException e) {
      throw new MesosJsonException("Failed to read body: " + e.getMessage(), e);
    }
  }

  /** The shared mapper, for callers that need trees (tests comparing against fixtures). */
  static ObjectMapper mapper() {
    return MAPPER;
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
