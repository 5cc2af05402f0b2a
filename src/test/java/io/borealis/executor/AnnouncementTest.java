package io.borealis.executor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vertx.core.json.JsonObject;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AnnouncementTest {
  private static Announcement parse(String announce, boolean withEnsemble) throws Exception {
    return Announcement.parse(new JsonObject("{\"role\":\"www-data\",\"environment\":\"prod\",\"name\":\"web\",\"announce\":"
        + announce + (withEnsemble ? ",\"zk_ensemble\":\"zk1:2181,zk2:2181\"}" : "}")));
  }

  @Test
  void defaultsFollowAurorasAnnouncer() throws Exception {
    Announcement announcement = parse("{}", true);

    assertThat(announcement).isEqualTo(new Announcement("zk1:2181,zk2:2181", "/aurora/www-data/prod/web", "http",
        Map.of("aurora", "http")));
  }

  @Test
  void nothingIsAnnouncedWithoutAnEnsembleOrAnAnnouncer() throws Exception {
    assertThat(parse("{}", false)).isNull();
    assertThat(parse("null", true)).isNull();
  }

  @Test
  void aliasesAndStaticPortsResolveAndThePrimaryPortMayBeAnAlias() throws Exception {
    Announcement announcement = parse("{\"primary_port\":\"web\",\"portmap\":{\"web\":\"http\",\"aurora\":\"{{primary_port}}\","
        + "\"debug\":\"8000\"}}", true);

    String json = announcement.memberJson("agent-1", Map.of("http", 31000), 4);

    assertThat(new JsonObject(json)).isEqualTo(new JsonObject("""
        {"serviceEndpoint": {"host": "agent-1", "port": 31000},
         "additionalEndpoints": {"http": {"host": "agent-1", "port": 31000}, "web": {"host": "agent-1", "port": 31000},
                                 "aurora": {"host": "agent-1", "port": 31000}, "debug": {"host": "agent-1", "port": 8000}},
         "status": "ALIVE", "shard": 4}"""));
  }

  @Test
  void aPrimaryPortThatIsNoPortCannotBeAnnounced() throws Exception {
    Announcement announcement = parse("{\"primary_port\":\"thrift\"}", true);

    assertThatThrownBy(() -> announcement.memberJson("agent-1", Map.of("http", 31000), 0))
        .hasMessageContaining("'thrift'");
  }
}
