package io.borealis.api;

import io.borealis.model.Problem;
import io.vertx.core.eventbus.ReplyException;
import io.vertx.core.eventbus.ReplyFailure;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import io.vertx.openapi.contract.Operation;
import io.vertx.openapi.validation.ValidatorException;
import java.util.List;

/** The one error shape of the API, and the mapping from state-verticle failures to it. */
final class ApiError {
  private ApiError() {}

  static void send(RoutingContext rc, int status, String code, String message, List<Problem> details) {
    JsonArray problems = new JsonArray();
    details.forEach(p -> problems.add(new JsonObject().put("path", p.path()).put("message", p.message())));
    JsonObject body = new JsonObject().put("error",
        new JsonObject().put("code", code).put("message", message).put("details", problems));
    if (!rc.response().ended()) {
      rc.response().setStatusCode(status).putHeader("Content-Type", "application/json").end(body.encode());
    }
  }

  static void badRequest(RoutingContext rc, String message, List<Problem> details) {
    send(rc, 400, "invalid_request", message, details);
  }

  /** A request the OpenAPI document does not allow (see {@link ContractViolation}). */
  static void invalid(RoutingContext rc, ValidatorException invalid, Operation operation) {
    ContractViolation violation = ContractViolation.of(invalid, operation, rc.request().getHeader("Content-Type"));
    badRequest(rc, violation.message(), violation.problems());
  }

  static void notFound(RoutingContext rc, String message) {
    send(rc, 404, "not_found", message, List.of());
  }

  /** A failed request to the state verticle: its failure code is the HTTP status to answer with. */
  static void fromFailure(RoutingContext rc, Throwable failure) {
    if (failure instanceof ReplyException reply && reply.failureCode() >= 400 && reply.failureCode() < 500) {
      String code = switch (reply.failureCode()) {
        case 404 -> "not_found";
        case 409 -> "conflict";
        default -> "invalid_request";
      };
      send(rc, reply.failureCode(), code, reply.getMessage(), List.of());
    } else {
      send(rc, 503, "unavailable", "the scheduler could not answer: " + unavailableBecause(failure), List.of());
    }
  }

  /** Why the state owner did not answer, in words for the caller. */
  static String unavailableBecause(Throwable failure) {
    return failure instanceof ReplyException reply && reply.failureType() == ReplyFailure.NO_HANDLERS
        ? "it is still starting (loading its state); try again in a moment" : failure.getMessage();
  }
}
