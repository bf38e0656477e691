// Negative file: feature usage.
declare const heap: { track(event: string, properties?: object): void; addEventProperties(p: object): void };

export function usedFilter(filter: string): void {
  heap.addEventProperties({ release: "2024.06" });
  heap.track("Filter Used", { filter });
}
