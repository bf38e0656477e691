package a;

import java.util.Map;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.JedisPool;

public class Cache {
  private final Jedis conn = new Jedis("cache");
  private final JedisPool pool;
  private final Jedis backup;
  private final Map<String, String> names;

  public Cache(JedisPool pool, Jedis backup, Map<String, String> names) {
    this.pool = pool;
    this.backup = backup;
    this.names = names;
  }

  public void remember(String uid, String email) {
    conn.set("email:" + uid, email);
    try (Jedis j = pool.getResource()) {
      j.del("session:" + uid);
    }
    backup.get("card:" + uid);
    names.get("phone:" + uid);
  }
}
