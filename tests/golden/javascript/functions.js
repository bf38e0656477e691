function top(a, b = 1, ...rest) {
  function inner(c) {
    return c;
  }
  return inner(a);
}
const arrow = (x) => x.email;
const block = async (req, res) => {
  res.json(req.body);
};
const expr = function named(y) { return y; };
items.map((i) => i.id).filter((j) => j);
function withPatterns({ email, name: n }, [first, second], { address = "none" } = {}) {
  return email + n + first + second + address;
}
exports.save = function (user) {
  return db.insert(user);
};
module.exports.load = (id) => find(id);
export default function (req) {
  return req.query;
}
function* gen(list) {
  yield list[0];
  yield;
}
setTimeout(function () {
  tick();
}, 10);
