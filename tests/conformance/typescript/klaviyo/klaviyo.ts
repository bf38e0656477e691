declare const klaviyo: {
  identify(properties: object): Promise<void>;
  track(event: string, properties?: object): Promise<void>;
};

export function identify(email: string, firstName: string): void {
  klaviyo.identify({ email, first_name: firstName }); // expect: pii-to-third-party user.contact.email user.name.first
}

export function viewedProduct(sku: string, phone: string): void {
  klaviyo.track("Viewed Product", { sku, phone }); // expect: pii-to-third-party user.contact.phone_number
}
