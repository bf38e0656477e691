declare function gtag(command: string, ...args: unknown[]): void;

export interface Buyer {
  email: string;
  phone: string;
  city: string;
}

export function purchase(buyer: Buyer, value: number): void {
  gtag("event", "purchase", { value, currency: "EUR", buyer_city: buyer.city }); // expect: pii-to-third-party user.contact.address.city
}

export function enhancedConversions(buyer: Buyer): void {
  gtag("set", "user_data", { email: buyer.email, phone_number: buyer.phone }); // expect: pii-to-third-party user.contact.email user.contact.phone_number
}
