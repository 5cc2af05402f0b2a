package io.borealis.api;

import io.borealis.events.BusAddresses;
import io.borealis.events.StateRequests;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.eventbus.EventBus;
import io.vertx.ext.web.RoutingContext;

/** Handlers for {@code /api/v1/admin}: operations on the scheduler itself rather than on jobs. */
final class AdminHandlers {
  /** Encoding a large store takes a while; the default bus timeout of 30 s is for ordinary requests. */
  private static final long BACKUP_TIMEOUT_MS = 120_000;

  private final EventBus bus;

  AdminHandlers(EventBus bus) {
    this.bus = bus;
  }

  /**
   * A consistent snapshot of everything acknowledged so far, taken while the scheduler keeps serving:
   * the state owner copies its immutable state between two requests and encodes it off the event loop.
   */
  void backup(RoutingContext rc) {
    if (!AccessGate.permitsAdmin(rc, "take backups")) {
      return;
    }
    bus.<StateRequests.Backup>request(BusAddresses.STATE, new StateRequests.GetBackup(),
            new DeliveryOptions().setSendTimeout(BACKUP_TIMEOUT_MS))
        .onSuccess(reply -> {
          StateRequests.Backup backup = reply.body();
          rc.response().putHeader("Content-Type", "application/octet-stream")
              .putHeader("Content-Disposition", "attachment; filename=\"borealis-backup.snap\"")
              .putHeader("Borealis-Backup-Jobs", Integer.toString(backup.jobs()))
              .putHeader("Borealis-Backup-Tasks", Integer.toString(backup.tasks()))
              .end(Buffer.buffer(backup.snapshot()));
        })
        .onFailure(error -> ApiError.fromFailure(rc, error));
  }
}
