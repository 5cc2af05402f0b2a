package io.borealis.api;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.openapi.validation.ResponseValidator;
import io.vertx.openapi.validation.ValidatableResponse;
import java.util.Map;

/** For tests outside this package: does a JSON answer match what the OpenAPI document says of its operation? */
public final class ApiDocument {
  private ApiDocument() {}

  /** Fails (with the validator's reason) when {@code body} is not what {@code operationId} documents for {@code status}. */
  public static Future<Void> validate(Vertx vertx, String operationId, int status, String body) {
    return ApiContract.load(vertx).compose(contract -> ResponseValidator.create(vertx, contract)
        .validate(ValidatableResponse.create(status, Map.of("Content-Type", "application/json"), Buffer.buffer(body), "application/json"),
            operationId))
        .mapEmpty();
  }
}
