const express = require('express');
const router = express.Router();
router.get('/users/:id', (req, res) => {
  res.json({ email: req.user.email });
});
router.post('/login', auth, function (req, res) {
  res.cookie('who', req.body.email);
});
router.post('/login', (req, res) => res.send('again'));
app.on('close', () => cleanup(() => done()));
[1, 2].map((x) => x * 2);
