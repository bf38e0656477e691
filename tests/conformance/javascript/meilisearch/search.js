import { MeiliSearch } from "meilisearch";

export const client = new MeiliSearch({ host: process.env.MEILI_HOST, apiKey: process.env.MEILI_API_KEY });

export async function indexMember(member) {
  await client.index("members").addDocuments([{ id: member.id, name: member.fullName, email: member.email }]); // expect: pii-to-third-party user.name user.contact.email
}

export async function updateCity(id, city) {
  const members = client.index("members");
  await members.updateDocuments([{ id, city }]); // expect: pii-to-third-party user.contact.address.city
}
