declare function rg4js(command: string, options?: unknown): void;

export function identify(email: string, fullName: string): void {
  rg4js("setUser", { identifier: email, isAnonymous: false, email, fullName }); // expect: pii-to-third-party user.contact.email user.name
}

export function formError(error: Error, phone: string): void {
  rg4js("send", { error, customData: { phone } }); // expect: pii-to-third-party user.contact.phone_number
}
