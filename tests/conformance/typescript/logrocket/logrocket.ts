import LogRocket from "logrocket";

LogRocket.init("shop/web");

export interface Member {
  id: string;
  email: string;
  fullName: string;
}

export function identify(member: Member): void {
  LogRocket.identify(member.id, { name: member.fullName, email: member.email }); // expect: pii-to-third-party user.name user.contact.email
}

export function trackDelivery(address: string): void {
  LogRocket.track("Delivery Scheduled", { address }); // expect: pii-to-third-party user.contact.address
}
