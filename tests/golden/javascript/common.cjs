const mail = require('./mail.cjs');
module.exports = { notify: (user) => mail.send(user.email) };
