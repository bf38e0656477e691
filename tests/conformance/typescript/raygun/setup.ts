// Negative file: configuration only.
declare function rg4js(command: string, options?: unknown): void;

export function setup(version: string): void {
  rg4js("apiKey", "paste_your_api_key_here");
  rg4js("enableCrashReporting", true);
  rg4js("setVersion", version);
}
