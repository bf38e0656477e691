package a;
public class Repo {
  private static final String Q = "SELECT full_name, phone FROM users WHERE id = ?";
  void f(Connection conn, String id) throws Exception {
    PreparedStatement ps = conn.prepareStatement(Q);
    ps.setString(1, id);
    jdbcTemplate.update("DELETE FROM orders WHERE user_id = ?", id);
    jedis.hset("user:" + id, "phone", id);
  }
}
