import { TrackJS } from "trackjs";

export interface Customer {
  email: string;
  phone: string;
}

TrackJS.install({ token: "token", application: "shop-web" });

export function identify(customer: Customer): void {
  TrackJS.configure({ userId: customer.email }); // expect: pii-to-third-party user.contact.email
  TrackJS.addMetadata("phone", customer.phone); // expect: pii-to-third-party user.contact.phone_number
}

export function formFailed(customer: Customer): void {
  TrackJS.track(`address form rejected for ${customer.email}`); // expect: pii-to-third-party user.contact.email
}
