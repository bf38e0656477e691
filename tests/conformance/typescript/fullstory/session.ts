import * as FullStory from "@fullstory/browser";

export interface Member {
  uid: string;
  email: string;
  displayName: string;
}

FullStory.init({ orgId: "o-123" });

export function identify(member: Member): void {
  FullStory.identify(member.uid, { email: member.email, displayName: member.displayName }); // expect: pii-to-third-party user.contact.email user.name
}

export function setAddress(address: string): void {
  FullStory.setUserVars({ address_str: address }); // expect: pii-to-third-party user.contact.address
}
