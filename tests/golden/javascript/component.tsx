import React from 'react';
type Props = { email: string };
export const Card = ({ email }: Props): JSX.Element => <p>{email as string}</p>;
export function List<T>(props: { items: T[] }) {
  return <ul>{props.items.map((x) => <li>{String(x)}</li>)}</ul>;
}
