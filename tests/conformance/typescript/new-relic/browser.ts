// The New Relic browser agent's global API.
declare const newrelic: {
  setCustomAttribute(name: string, value: string | number): void;
  setUserId(id: string): void;
  addPageAction(name: string, attributes?: object): void;
  noticeError(error: Error, attributes?: object): void;
};

export function identify(email: string): void {
  newrelic.setUserId(email); // expect: pii-to-third-party user.contact.email
}

export function checkoutStep(step: string, zip: string): void {
  newrelic.addPageAction("checkout_step", { step, zip }); // expect: pii-to-third-party user.contact.address.postal_code
  newrelic.setCustomAttribute("shipping_zip", zip); // expect: pii-to-third-party user.contact.address.postal_code
}
