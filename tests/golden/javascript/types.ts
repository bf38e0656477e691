export interface Customer {
  id: number;
  email: string;
  fullName?: string;
  readonly 'card-number': string;
  greet(): void;
}

type Address = { street: string; city: string };
type Id = string | number;

enum Color {
  Red,
  Green,
}

namespace Billing {
  export function charge(card: Card) {
    return card.number;
  }
  export namespace Inner {
    export const rate = 3;
  }
}

declare function external(x: string): void;

const a = value as Customer;
const b = other satisfies Address;
const c = maybe!.email;
const d = <Customer>legacy;
const e = parse<Customer>(text);
let f: string = g!;
