const Rollbar = require("rollbar");

const rollbar = new Rollbar({
  accessToken: process.env.ROLLBAR_ACCESS_TOKEN,
  captureUncaught: true,
  captureUnhandledRejections: true,
});

function setPerson(user) {
  rollbar.configure({ payload: { person: { id: user.id, email: user.email, username: user.username } } }); // expect: pii-to-third-party user.contact.email user.account.username
}

module.exports = { rollbar, setPerson };
