// The tracking snippet's global function.
declare global {
  interface Window {
    hj: (...args: unknown[]) => void;
  }
}

export function identifyLegacy(userId: string, phone: string): void {
  window.hj("identify", userId, { phone }); // expect: pii-to-third-party user.contact.phone_number user.unique_id
}
