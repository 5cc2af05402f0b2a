package io.borealis.scheduler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.borealis.mesos.wire.FrameworkInfo;
import io.borealis.mesos.wire.SchedulerCall;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;

/** The FrameworkInfo the scheduler registers with, and the credentials it sends, as configured. */
class FrameworkSettingsTest {
  private static final FrameworkSettings ANALYTICS = new FrameworkSettings("analytics", "borealis", "s3cret", "sched-1.example.com",
      "http://borealis.example.com/scheduler");

  @Test
  void registersWithTheConfiguredRoleHostnameWebUiAndPrincipalAndAuthenticatesEveryCall() throws Exception {
    try (SchedulerOnRecordingMaster scheduler = SchedulerOnRecordingMaster.start(false, s -> s.withFramework(ANALYTICS), m -> { }, true)) {
      scheduler.master.awaitCall(c -> c.type() == SchedulerCall.Type.RECONCILE, "a RECONCILE after subscribing");
      String basic = "Basic " + Base64.getEncoder().encodeToString("borealis:s3cret".getBytes(StandardCharsets.UTF_8));
      assertThat(scheduler.master.authorizations()).hasSizeGreaterThanOrEqualTo(2).containsOnly(basic);
    }
  }

  @Test
  void subscribeCarriesTheFrameworkInfoFields() throws Exception {
    try (SchedulerOnRecordingMaster scheduler = SchedulerOnRecordingMaster.start(false, s -> s.withFramework(ANALYTICS), m -> { }, false)) {
      FrameworkInfo info = scheduler.master.awaitCall(c -> c.type() == SchedulerCall.Type.SUBSCRIBE, "SUBSCRIBE").subscribe().frameworkInfo();
      assertThat(info.roles()).containsExactly("analytics");
      assertThat(info.hasCapability("MULTI_ROLE")).isTrue();
      assertThat(info.principal()).isEqualTo("borealis");
      assertThat(info.hostname()).isEqualTo("sched-1.example.com");
      assertThat(info.webuiUrl()).isEqualTo("http://borealis.example.com/scheduler");
    }
  }

  @Test
  void defaultsToRoleStarAndNoCredentials() throws Exception {
    try (SchedulerOnRecordingMaster scheduler = SchedulerOnRecordingMaster.start(false)) {
      scheduler.master.awaitCall(c -> c.type() == SchedulerCall.Type.RECONCILE, "a RECONCILE after subscribing");
      assertThat(scheduler.master.authorizations()).containsOnly("");
    }
    assertThat(FrameworkSettings.DEFAULT.role()).isEqualTo("*");
    assertThat(new FrameworkSettings(null, null, null, null, null).role()).isEqualTo("*");
  }

  @Test
  void neverPrintsTheSecretAndRefusesASecretWithoutAPrincipal() {
    assertThat(ANALYTICS.toString()).doesNotContain("s3cret").contains("borealis");
    assertThatThrownBy(() -> new FrameworkSettings("*", null, "s3cret", null, null)).hasMessageContaining("--framework-principal");
  }
}
