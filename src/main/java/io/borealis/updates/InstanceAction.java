package io.borealis.updates;

/** Aurora's {@code JobUpdateAction}: what happened to one instance during an update. */
public enum InstanceAction {
  INSTANCE_UPDATING,
  INSTANCE_UPDATED,
  INSTANCE_ROLLING_BACK,
  INSTANCE_ROLLED_BACK,
  INSTANCE_UPDATE_FAILED,
  INSTANCE_ROLLBACK_FAILED;

  static InstanceAction started(boolean back) {
    return back ? INSTANCE_ROLLING_BACK : INSTANCE_UPDATING;
  }

  static InstanceAction succeeded(boolean back) {
    return back ? INSTANCE_ROLLED_BACK : INSTANCE_UPDATED;
  }

  static InstanceAction failed(boolean back) {
    return back ? INSTANCE_ROLLBACK_FAILED : INSTANCE_UPDATE_FAILED;
  }
}
