const { Logtail } = require("@logtail/node");

const logtail = new Logtail(process.env.BETTERSTACK_SOURCE_TOKEN);

function loginFailed(email, ip) {
  logtail.warn("login failed", { email, ip }); // expect: pii-to-third-party user.contact.email user.device.ip_address
}

function profileUpdated(user) {
  logtail.info(`profile updated for ${user.phone}`); // expect: pii-to-third-party user.contact.phone_number
}

module.exports = { logtail, loginFailed, profileUpdated };
