const express = require("express");
const axios = require("axios");

const app = express();

// The public route: it calls the users service, whose handler reads the table.
async function profile(req, res) {
  const r = await axios.get(`http://users:8000/users/${req.params.id}`);
  res.json({ name: r.data.name });
}

app.get("/api/users/:id", profile);
app.listen(8080);
