// Negative file: public event listings.
import { client } from "./search";

export async function indexEvents() {
  const events = client.index("events");
  await events.addDocuments([{ id: 1, title: "Spring meetup", seats: 40 }]);
  await events.updateDocuments([{ id: 1, seats: 38 }]);
}
