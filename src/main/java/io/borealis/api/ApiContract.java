package io.borealis.api;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.openapi.contract.OpenAPIContract;
import io.vertx.openapi.mediatype.ContentAnalyser;
import io.vertx.openapi.mediatype.MediaTypeInfo;
import io.vertx.openapi.mediatype.MediaTypeRegistration;
import io.vertx.openapi.mediatype.MediaTypeRegistry;
import io.vertx.openapi.validation.ValidationContext;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The API's OpenAPI document ({@code openapi.json} on the class path), loaded as the contract every
 * request is validated against. Besides the standard media types it knows two of ours, both taken
 * as opaque text: {@code text/x-aurora} (a config the scheduler evaluates itself) and
 * {@code text/event-stream} (the event stream).
 */
final class ApiContract {
  static final String DOCUMENT = "openapi.json";

  private ApiContract() {}

  static Future<OpenAPIContract> load(Vertx vertx) {
    MediaTypeRegistry mediaTypes = MediaTypeRegistry.createDefault()
        .register(new OpaqueText(List.of(JobHandlers.AURORA_TYPE, "text/event-stream")));
    return OpenAPIContract.builder(vertx).setContractPath(DOCUMENT).mediaTypeRegistry(mediaTypes).build();
  }

  /** A text media type whose content the contract does not look into (its schema, if any, says so). */
  private record OpaqueText(List<String> supportedTypes) implements MediaTypeRegistration {
    /** The text as a string: schemas validate JSON values, and a string is what a text schema describes. */
    @Override
    public ContentAnalyser createContentAnalyser(String contentType, Buffer content, ValidationContext context) {
      return new ContentAnalyser() {
        @Override
        public void checkSyntacticalCorrectness() {
          // any text is well-formed here; the handler evaluates it
        }

        @Override
        public Object transform() {
          return content == null ? "" : content.toString(StandardCharsets.UTF_8);
        }
      };
    }

    @Override
    public boolean canHandle(String mediaType) {
      return supportedTypes.contains(MediaTypeInfo.of(mediaType).fullType());
    }
  }
}
