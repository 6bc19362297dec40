/**
 * The user a stage's image runs as, as far as the Dockerfile says: its last USER (the stages it builds on
 * included), with the ARG and ENV values in scope substituted, as the builder does.
 */
import type { DockerfileTarget } from '../core/result';
import { isRootUser } from '../core/user';
import { substituteArgs } from './image-ref';
import { keyValues, stageChain } from './rules/helpers';
import type { Instruction, ParsedDockerfile, Stage } from './types';

/** `unknown`: the user is, or contains, a variable with no value the Dockerfile gives. */
type RunsAs = NonNullable<DockerfileTarget['finalUser']>['runsAs'];

export interface StageUser {
  /** The USER instruction in effect. */
  inst: Instruction;
  /** Its user as written (quotes removed). */
  text: string;
  /** With the variables in scope substituted. */
  value: string;
  runsAs: RunsAs;
}

type Vars = Map<string, string | undefined>;

/**
 * The USER in effect at the end of `stage`, or undefined when neither it nor a stage it builds on sets one.
 * - ARG values reset at each FROM; `ARG NAME` without a value takes the default of a global ARG of that name.
 *   A default is judged, as for FROM: a `--build-arg` can change it, which the Dockerfile cannot show.
 * - ENV values carry into the stages built on it and win over an ARG of the same name.
 * - `ONBUILD` triggers of a stage run at the start of a stage built FROM it.
 * - A variable with no known value (an ARG without a default, a name the Dockerfile never sets: the base
 *   image may) leaves the user `unknown`, and so does a user that substitutes to nothing.
 */
export function stageUser(df: ParsedDockerfile, stage: Stage): StageUser | undefined {
  const globals: Vars = new Map(df.globalArgs.map((a) => [a.name, a.value]));
  const env: Vars = new Map();
  let args: Vars = new Map();
  let user: StageUser | undefined;

  const scope = (): Vars => new Map([...args, ...env]);
  const substitute = (text: string): string | undefined => {
    const r = substituteArgs(text, scope());
    return r.unresolved ? undefined : r.text;
  };
  const apply = (inst: Instruction): void => {
    if (inst.keyword === 'ARG')
      for (const kv of keyValues(inst))
        args.set(kv.key, kv.value === undefined ? globals.get(kv.key) : substitute(kv.value));
    else if (inst.keyword === 'ENV')
      for (const kv of keyValues(inst))
        env.set(kv.key, kv.value === undefined ? undefined : substitute(kv.value));
    else if (inst.keyword === 'USER') {
      const text = inst.args.map((a) => a.value).join(' ');
      const value = substitute(text);
      user = {
        inst,
        text,
        value: value ?? text,
        runsAs:
          value === undefined || value.trim() === '' ? 'unknown' : isRootUser(value) ? 'root' : 'non-root',
      };
    }
  };

  let triggers: Instruction[] = [];
  for (const s of stageChain(df, stage).reverse()) {
    args = new Map();
    for (const t of triggers) apply(t);
    triggers = [];
    for (const inst of s.instructions) {
      if (inst.keyword === 'ONBUILD') {
        if (inst.trigger) triggers.push(inst.trigger);
      } else apply(inst);
    }
  }
  return user;
}
