// Negative file: device-level inventory samples.
import * as amplitude from "@amplitude/analytics-node";

export function trackInventory(roomsLeft) {
  amplitude.track("Inventory Sampled", { rooms_left: roomsLeft }, { device_id: "server-1" });
}
