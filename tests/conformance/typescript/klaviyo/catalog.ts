// Negative file: catalogue browsing.
declare const klaviyo: { track(event: string, properties?: object): Promise<void> };

export function viewedCategory(category: string): void {
  klaviyo.track("Viewed Category", { category });
}
