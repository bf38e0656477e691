import { datadogRum } from "@datadog/browser-rum";
import { datadogLogs } from "@datadog/browser-logs";

export interface Account {
  id: string;
  email: string;
  fullName: string;
  phone: string;
}

datadogRum.init({ applicationId: "app", clientToken: "pub", site: "datadoghq.eu", service: "web" });
datadogLogs.init({ clientToken: "pub", site: "datadoghq.eu" });

export function identify(account: Account): void {
  datadogRum.setUser({ id: account.id, email: account.email, name: account.fullName }); // expect: pii-to-third-party user.contact.email user.name
  datadogRum.setUserProperty("phone", account.phone); // expect: pii-to-third-party user.contact.phone_number
}

export function checkoutFailed(error: Error, account: Account): void {
  datadogRum.addError(error, { billingEmail: account.email }); // expect: pii-to-third-party user.contact.email
  datadogLogs.logger.warn("checkout failed", { phone: account.phone }); // expect: pii-to-third-party user.contact.phone_number
}
