// The v2 snippet API: FS(operation, options).
declare function FS(operation: string, options?: object): void;

export function identifyV2(uid: string, email: string): void {
  FS("setIdentity", { uid, properties: { email } }); // expect: pii-to-third-party user.contact.email
}

export function trackPlan(plan: string): void {
  FS("trackEvent", { name: "Plan Selected", properties: { plan } });
}
