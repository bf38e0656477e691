// Shapes shared by the routes and the services.

/** What the browser posts to /api/checkout. */
export interface CheckoutRequest {
  email: string;
  fullName: string;
  phone: string;
  shippingAddress: string;
  cardNumber: string;
  items: LineItem[];
}

export interface LineItem {
  sku: string;
  quantity: number;
  unitPriceCents: number;
}

/** A customer row as the accounts database returns it. */
export interface Customer {
  id: string;
  email: string;
  fullName: string;
  phone?: string;
  createdAt: string;
}

export type Order = {
  id: string;
  totalCents: number;
  currency: 'EUR' | 'USD';
};
