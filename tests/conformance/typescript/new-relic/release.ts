// Negative file: release attributes.
declare const newrelic: { setCustomAttribute(name: string, value: string | number): void; addPageAction(name: string, attributes?: object): void };

export function release(version: string): void {
  newrelic.setCustomAttribute("release", version);
  newrelic.addPageAction("app_loaded", { version });
}
