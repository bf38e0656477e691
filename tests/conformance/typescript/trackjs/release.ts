// Negative file: release metadata.
import { TrackJS } from "trackjs";

export function tagRelease(version: string): void {
  TrackJS.addMetadata("release", version);
  TrackJS.track("service worker update failed");
}
