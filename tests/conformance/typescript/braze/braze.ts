import * as braze from "@braze/web-sdk";

braze.initialize("api-key", { baseUrl: "sdk.fra-01.braze.eu" });

export interface Profile {
  id: string;
  email: string;
  firstName: string;
  phone: string;
}

export function identify(profile: Profile): void {
  braze.changeUser(profile.id);
  braze.getUser().setEmail(profile.email); // expect: pii-to-third-party user.contact.email
  braze.getUser().setFirstName(profile.firstName); // expect: pii-to-third-party user.name.first
  const user = braze.getUser();
  user.setPhoneNumber(profile.phone); // expect: pii-to-third-party user.contact.phone_number
  braze.openSession();
}

export function purchased(sku: string, price: number, shippingAddress: string): void {
  braze.logCustomEvent("purchase_completed", { sku, price, shippingAddress }); // expect: pii-to-third-party user.contact.address
}
