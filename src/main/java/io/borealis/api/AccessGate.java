package io.borealis.api;

import io.borealis.access.AccessSettings;
import io.borealis.access.Caller;
import io.borealis.model.Problem;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.RoutingContext;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Admits API requests: writes need a user from the users file (HTTP Basic or a bearer token), reads
 * are open unless configured otherwise. The admitted {@link Caller} is kept on the request so a
 * handler can check, once it knows the job, that the caller may act for the job's role
 * ({@link #permits}). Secrets never appear in an answer or a log line.
 */
final class AccessGate {
  private static final String CALLER = "borealis.caller";
  private static final String CHALLENGE = "Basic realm=\"Borealis\", Bearer realm=\"Borealis\"";
  private static final Set<HttpMethod> READS = Set.of(HttpMethod.GET, HttpMethod.HEAD, HttpMethod.OPTIONS);

  private final Vertx vertx;
  private final AccessSettings settings;

  AccessGate(Vertx vertx, AccessSettings settings) {
    this.vertx = vertx;
    this.settings = settings;
  }

  /** Root handler: admits requests for the API and the dashboard; the rest (health, metrics, static files) is open. */
  void admit(RoutingContext rc) {
    String path = rc.request().path();
    if (!path.startsWith("/api/") && !path.startsWith("/scheduler") && !path.startsWith("/updates")) {
      rc.next();
      return;
    }
    if (settings.open()) {
      rc.put(CALLER, Caller.EVERYONE);
      rc.next();
      return;
    }
    boolean read = READS.contains(rc.request().method());
    String authorization = rc.request().getHeader("Authorization");
    if (authorization == null && read && !settings.authenticateReads()) {
      rc.next();
      return;
    }
    if (authorization == null) {
      unauthenticated(rc, "this scheduler needs credentials to " + (read ? "read" : "change") + " anything: "
          + "send HTTP Basic (user and password) or 'Authorization: Bearer <token>'");
    } else if (startsWithIgnoringCase(authorization, "Bearer ")) {
      admitOrRefuse(rc, settings.users().withToken(authorization.substring("Bearer ".length()).trim()), "unknown or revoked token");
    } else if (startsWithIgnoringCase(authorization, "Basic ")) {
      admitBasic(rc, authorization.substring("Basic ".length()).trim());
    } else {
      unauthenticated(rc, "unsupported Authorization scheme; use Basic or Bearer");
    }
  }

  /** PBKDF2 takes about 0.1 s by design: checked on a worker, never on the event loop. */
  private void admitBasic(RoutingContext rc, String encoded) {
    String decoded;
    try {
      decoded = new String(Base64.getDecoder().decode(encoded), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      unauthenticated(rc, "the Basic credentials are not base64 of 'user:password'");
      return;
    }
    int colon = decoded.indexOf(':');
    if (colon <= 0) {
      unauthenticated(rc, "the Basic credentials are not base64 of 'user:password'");
      return;
    }
    String user = decoded.substring(0, colon);
    String password = decoded.substring(colon + 1);
    vertx.executeBlocking(() -> settings.users().withPassword(user, password), false)
        .onSuccess(caller -> admitOrRefuse(rc, caller, "wrong user name or password"))
        .onFailure(rc::fail);
  }

  private static void admitOrRefuse(RoutingContext rc, Optional<Caller> caller, String refusal) {
    if (caller.isEmpty()) {
      unauthenticated(rc, refusal);
      return;
    }
    rc.put(CALLER, caller.get());
    rc.next();
  }

  private static void unauthenticated(RoutingContext rc, String message) {
    rc.response().putHeader("WWW-Authenticate", CHALLENGE);
    ApiError.send(rc, 401, "unauthenticated", message, List.of());
  }

  /**
   * True if the request's caller may act for {@code role}; otherwise answers 403 (or 401 if nobody
   * signed in) and the handler must stop without changing anything.
   */
  static boolean permits(RoutingContext rc, String role) {
    Caller caller = rc.get(CALLER);
    if (caller == null) {
      unauthenticated(rc, "sign in to act for role '" + role + "'");
      return false;
    }
    if (!caller.mayActFor(role)) {
      ApiError.send(rc, 403, "forbidden", caller.refusal(role), List.of(new Problem("role", "is '" + role + "'")));
      return false;
    }
    return true;
  }

  /** Like {@link #permits} for what only admins may do: quotas and backups. */
  static boolean permitsAdmin(RoutingContext rc, String what) {
    Caller caller = rc.get(CALLER);
    if (caller == null) {
      unauthenticated(rc, "sign in as an admin to " + what);
      return false;
    }
    if (!caller.admin()) {
      ApiError.send(rc, 403, "forbidden", "user '" + caller.name() + "' is not an admin; only admins may " + what, List.of());
      return false;
    }
    return true;
  }

  /**
   * The signed-in user's name, for the record of who started an update. An open scheduler cannot know
   * who is calling, so it takes the name the client gives ({@code X-Borealis-User}), as Aurora does.
   */
  static String userName(RoutingContext rc) {
    Caller caller = rc.get(CALLER);
    if (caller == null || caller == Caller.EVERYONE) {
      return Optional.ofNullable(rc.request().getHeader("X-Borealis-User")).orElse("anonymous");
    }
    return caller.name();
  }

  private static boolean startsWithIgnoringCase(String value, String prefix) {
    return value.regionMatches(true, 0, prefix, 0, prefix.length());
  }
}
