const express = require('express');
const router = express.Router();

router.post('/signup', (req, res) => {
  const { email } = req.body;
  const total = (1 + ;
  console.log(email);
  res.status(201).json({ ok: true });
});

router.get('/users/:id', async (req, res) => {
  console.log(req.query.email);
});

function broken(user) {
  return [user.a, user.b;
}

module.exports = router;
