const { ApiKeySession, ProfilesApi, EventsApi } = require("klaviyo-api");

const session = new ApiKeySession(process.env.KLAVIYO_PRIVATE_KEY);
const profilesApi = new ProfilesApi(session);
const eventsApi = new EventsApi(session);

function upsertProfile(customer) {
  return profilesApi.createOrUpdateProfile({ // expect: pii-to-third-party user.contact.email user.name.first
    data: { type: "profile", attributes: { email: customer.email, firstName: customer.firstName } },
  });
}

function placedOrder(phone, total) {
  return eventsApi.createEvent({ // expect: pii-to-third-party user.contact.phone_number
    data: {
      type: "event",
      attributes: {
        properties: { total },
        metric: { data: { type: "metric", attributes: { name: "Placed Order" } } },
        profile: { data: { type: "profile", attributes: { phoneNumber: phone } } },
      },
    },
  });
}

function catalogSynced(items) {
  return eventsApi.createEvent({
    data: { type: "event", attributes: { properties: { items }, metric: { data: { type: "metric", attributes: { name: "Catalog Synced" } } } } },
  });
}

module.exports = { upsertProfile, placedOrder, catalogSynced };
