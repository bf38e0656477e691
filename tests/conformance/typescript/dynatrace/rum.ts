// Dynatrace RUM JavaScript API (dtrum), injected by the OneAgent into the page.
declare const dtrum: {
  identifyUser(name: string): void;
  sendSessionProperties(longs?: object, dates?: object, strings?: object, doubles?: object): void;
  reportCustomError(key: string, value: string, hint?: string): void;
};

export interface Visitor {
  email: string;
  phone: string;
  plan: string;
}

export function identify(visitor: Visitor): void {
  dtrum.identifyUser(visitor.email); // expect: pii-to-third-party user.contact.email
  dtrum.sendSessionProperties(undefined, undefined, { phone: visitor.phone, plan: visitor.plan }); // expect: pii-to-third-party user.contact.phone_number
}

export function formError(field: string, visitor: Visitor): void {
  dtrum.reportCustomError("form", `invalid ${field} for ${visitor.email}`); // expect: pii-to-third-party user.contact.email
}
