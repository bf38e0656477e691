// @amplitude/analytics-node, used as a namespace import.
import * as amplitude from "@amplitude/analytics-node";

amplitude.init(process.env.AMPLITUDE_API_KEY);

export function trackBooking(user, booking) {
  amplitude.track("Booking Made", { nights: booking.nights, city: booking.city }, { user_id: user.id }); // expect: pii-to-third-party user.contact.address.city
}

export function identify(user) {
  const traits = new amplitude.Identify();
  traits.set("email", user.email);
  amplitude.identify(traits, { user_id: user.id }); // expect: pii-to-third-party user.contact.email
}
