package io.borealis.executor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TaskUserTest {
  @Test
  void readsAPasswdEntryAsAUserToSwitchTo() {
    TaskUser user = TaskUser.parsePasswd("www-data:x:33:33:www-data:/var/www:/usr/sbin/nologin\n");

    assertThat(user).isEqualTo(new TaskUser("www-data", 33, 33, "/var/www", true));
    assertThat(user.commandPrefix()).endsWith("--reuid=33", "--regid=33", "--init-groups", "--");
    Map<String, String> env = new HashMap<>(Map.of("HOME", "/root", "USER", "root", "PATH", "/bin"));
    user.applyTo(env);
    assertThat(env).containsEntry("HOME", "/var/www").containsEntry("USER", "www-data").containsEntry("LOGNAME", "www-data")
        .containsEntry("PATH", "/bin");
  }

  @Test
  void anExecutorThatIsNotRootRunsEveryTaskAsItself() throws Exception {
    TaskUser user = TaskUser.resolve("www-data", "www-data", false);

    assertThat(user.switched()).isFalse();
    assertThat(user.commandPrefix()).isEmpty();
    assertThat(user.name()).isEqualTo(System.getProperty("user.name"));
  }

  @Test
  void aLineThatIsNotAPasswdEntryIsRefused() {
    assertThatThrownBy(() -> TaskUser.parsePasswd("www-data:x:thirty")).isInstanceOf(IllegalArgumentException.class);
  }
}
