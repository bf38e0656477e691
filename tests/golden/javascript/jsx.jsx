export function Profile({ user }) {
  const title = <h1 className="title">{user.fullName}</h1>;
  return (
    <div id={user.id} {...props}>
      {title}
      <span>{user.email}</span>
      <br />
    </div>
  );
}
const empty = <hr />;
