declare const heap: {
  identify(identity: string): void;
  addUserProperties(properties: object): void;
  track(event: string, properties?: object): void;
};

export function identify(email: string, fullName: string): void {
  heap.identify(email); // expect: pii-to-third-party user.contact.email
  heap.addUserProperties({ fullName }); // expect: pii-to-third-party user.name
}

export function addressSaved(zip: string): void {
  heap.track("Address Saved", { zip }); // expect: pii-to-third-party user.contact.address.postal_code
}
