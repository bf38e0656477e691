// Negative file: fixed event names.
import Hotjar from "@hotjar/browser";

export function checkoutStarted(): void {
  Hotjar.event("checkout_started");
  window.hj("event", "coupon_applied");
}
