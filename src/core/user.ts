/**
 * Whether a user (a Dockerfile USER, an image's `config.User`: `user[:group]`) means root: the name `root`, or
 * uid 0 however it is written (`0`, `000`: the runtime reads a number), whatever the group.
 */
export function isRootUser(value: string): boolean {
  const user = value.split(':')[0]?.trim() ?? '';
  return user === 'root' || /^0+$/.test(user);
}
