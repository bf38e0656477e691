// The classic snippet's window.Intercom(command, ...).
declare global {
  interface Window {
    Intercom: (command: string, ...args: unknown[]) => void;
  }
}

export function updatePhone(phone: string): void {
  window.Intercom("update", { phone }); // expect: pii-to-third-party user.contact.phone_number
}

export function invited(inviteeEmail: string): void {
  window.Intercom("trackEvent", "invited-teammate", { invitee_email: inviteeEmail }); // expect: pii-to-third-party user.contact.email
}
