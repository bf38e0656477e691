import Intercom from "@intercom/messenger-js-sdk";

export interface Member {
  id: string;
  email: string;
  fullName: string;
  createdAt: number;
}

export function bootMessenger(member: Member): void {
  Intercom({ app_id: "abc123", user_id: member.id, email: member.email, name: member.fullName, created_at: member.createdAt }); // expect: pii-to-third-party user.contact.email user.name
}
