declare const pendo: {
  initialize(options: object): void;
  identify(options: object): void;
  track(name: string, properties?: object): void;
};

export interface Visitor {
  id: string;
  email: string;
  fullName: string;
  accountId: string;
}

export function startPendo(visitor: Visitor): void {
  pendo.initialize({ // expect: pii-to-third-party user.contact.email user.name
    visitor: { id: visitor.id, email: visitor.email, full_name: visitor.fullName },
    account: { id: visitor.accountId },
  });
}

export function trackInvite(inviteeEmail: string): void {
  pendo.track("Invite Sent", { inviteeEmail }); // expect: pii-to-third-party user.contact.email
}
