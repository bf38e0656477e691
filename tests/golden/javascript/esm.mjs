import { send } from './mail.mjs';
export const notify = (user) => send(user.email);
