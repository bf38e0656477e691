export async function f(id: string) {
  await pool.query(`SELECT card_number FROM orders WHERE id = ${id}`);
  await pool.query("INSERT INTO orders (user_id, total) VALUES ($1, $2)", [id, 1]);
  await redis.get(`cart:${id}`);
}
