// Negative file: guide events with fixed names.
declare const pendo: { track(name: string, properties?: object): void };

export function guideSeen(guideId: string, step: number): void {
  pendo.track("Guide Seen", { guideId, step });
}
