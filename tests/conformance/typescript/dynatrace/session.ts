// Negative file: the session gets the plan and a page count.
declare const dtrum: {
  sendSessionProperties(longs?: object, dates?: object, strings?: object, doubles?: object): void;
  reportCustomError(key: string, value: string, hint?: string): void;
};

export function describeSession(plan: string, pages: number): void {
  dtrum.sendSessionProperties({ pages }, undefined, { plan });
  dtrum.reportCustomError("checkout", "payment form timed out");
}
