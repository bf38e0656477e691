// Negative file: page timings and feature names.
import { datadogRum } from "@datadog/browser-rum";

export function markHydrated(durationMs: number): void {
  datadogRum.addTiming("hydrated", durationMs);
  datadogRum.addAction("feature_used", { feature: "saved-carts", durationMs });
  datadogRum.setGlobalContextProperty("release", "2024.06.1");
}
