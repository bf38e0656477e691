import Redis from "ioredis";
import { createClient } from "redis";

const store = createClient();

export class Tokens {
  kv = new Redis();
  constructor() {
    this.kv = new Redis();
  }
  save(uid: string, email: string) {
    return this.kv.set(`email:${uid}`, email);
  }
}

export async function profile(uid: string, m: Map<string, string>) {
  await store.hGet(`user:${uid}`, "phone");
  return m.get("phone:" + uid);
}
