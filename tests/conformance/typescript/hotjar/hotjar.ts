import Hotjar from "@hotjar/browser";

Hotjar.init(1234567, 6);

export interface Shopper {
  id: string;
  email: string;
  city: string;
}

export function identify(shopper: Shopper): void {
  Hotjar.identify(shopper.id, { email: shopper.email, city: shopper.city }); // expect: pii-to-third-party user.contact.email user.contact.address.city
}
