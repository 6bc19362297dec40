import { describe, expect, it } from 'vitest';
import { ShipgateError } from '../../../src/core/errors';
import { parseDockerfile } from '../../../src/dockerfile/index';

async function parseError(content: string): Promise<ShipgateError> {
  try {
    await parseDockerfile(content, 'app/Dockerfile');
  } catch (e) {
    if (e instanceof ShipgateError) return e;
    throw e;
  }
  throw new Error('expected a parse error');
}

describe('parseDockerfile', () => {
  it('models stages, images, ARG substitution, --platform and COPY --from', async () => {
    const df = await parseDockerfile(
      [
        '# syntax=docker/dockerfile:1',
        'ARG REGISTRY=ghcr.io/org',
        'ARG TAG=1.2',
        'FROM --platform=$BUILDPLATFORM ${REGISTRY}/builder:${TAG} AS build',
        'RUN make',
        'FROM gcr.io/distroless/static-debian12:nonroot@sha256:' + 'a'.repeat(64),
        'COPY --from=build /out /out',
        '',
      ].join('\n'),
      'Dockerfile',
    );
    expect(df.directives).toEqual([{ name: 'syntax', value: 'docker/dockerfile:1', line: 1 }]);
    expect(df.globalArgs.map((a) => [a.name, a.value])).toEqual([
      ['REGISTRY', 'ghcr.io/org'],
      ['TAG', '1.2'],
    ]);
    const [build, final] = df.stages;
    expect(build?.name).toBe('build');
    expect(build?.platform).toBe('$BUILDPLATFORM');
    expect(build?.image).toMatchObject({
      resolved: 'ghcr.io/org/builder:1.2',
      registry: 'ghcr.io',
      repository: 'org/builder',
      tag: '1.2',
      unresolved: false,
    });
    expect(build?.copiedFrom).toBe(true);
    expect(build?.isFinal).toBe(false);
    expect(final?.isFinal).toBe(true);
    expect(final?.image).toMatchObject({
      registry: 'gcr.io',
      repository: 'distroless/static-debian12',
      tag: 'nonroot',
      digest: 'sha256:' + 'a'.repeat(64),
    });
    expect(final?.from.span).toEqual({
      line: 6,
      column: 1,
      endLine: 6,
      endColumn: 'FROM '.length + 'gcr.io/distroless/static-debian12:nonroot@sha256:'.length + 64 + 1,
    });
  });

  it('parses RUN with continuations, comments inside, pipes, lists, subshells and substitutions', async () => {
    const df = await parseDockerfile(
      'FROM debian:12\nRUN apt-get update \\\n  # a comment line\n  && apt-get install -y curl \\\n  && (cd /tmp && curl -fsSL https://x | sh)\n',
      'Dockerfile',
    );
    const run = df.stages[0]?.instructions[1];
    const cmds = run?.script?.commands ?? [];
    expect(cmds.map((c) => c.base)).toEqual(['apt-get', 'apt-get', 'cd', 'curl', 'sh']);
    const install = cmds[1];
    expect(install?.args.map((a) => a.value)).toEqual(['install', '-y', 'curl']);
    expect(install?.nameSpan).toEqual({ line: 4, column: 6, endLine: 4, endColumn: 13 });
    expect(install?.args[2]?.span).toEqual({ line: 4, column: 25, endLine: 4, endColumn: 29 });
    const curl = cmds[3];
    expect(curl?.inSubshell).toBe(true);
    expect(cmds[curl?.pipesTo ?? -1]?.base).toBe('sh');
    expect(curl?.pipeline).toEqual({ id: expect.any(Number), position: 0, length: 2 });
    expect(run?.normalized).toBe(
      'RUN apt-get update && apt-get install -y curl && (cd /tmp && curl -fsSL https://x | sh)',
    );
  });

  it('handles the backtick escape directive', async () => {
    const df = await parseDockerfile('# escape=`\nFROM debian:12\nRUN echo a `\n  && echo b\n', 'Dockerfile');
    expect(df.escape).toBe('`');
    const cmds = df.stages[0]?.instructions[1]?.script?.commands ?? [];
    expect(cmds.map((c) => c.text)).toEqual(['echo a', 'echo b']);
    expect(cmds[1]?.span.line).toBe(4);
  });

  it('parses RUN heredocs as scripts and keeps COPY heredoc bodies', async () => {
    const df = await parseDockerfile(
      'FROM debian:12\nRUN <<EOF\nset -e\ncurl -s https://x | bash\nEOF\nRUN python3 <<EOF\nprint("hi")\nEOF\nCOPY <<EOF /etc/app.conf\nkey=value\nEOF\n',
      'Dockerfile',
    );
    const [, run1, run2, copy] = df.stages[0]?.instructions ?? [];
    expect(run1?.script?.commands.map((c) => c.base)).toEqual(['set', 'curl', 'bash']);
    expect(run1?.script?.commands[1]?.span.line).toBe(4);
    expect(run2?.script?.commands.map((c) => c.base)).toEqual(['python3']);
    expect(copy?.heredocs).toEqual([{ name: 'EOF', body: 'key=value', span: expect.any(Object) }]);
    expect(copy?.span).toMatchObject({ line: 9, endLine: 11 });
  });

  it('parses JSON (exec) form and sh -c strings inside it', async () => {
    const df = await parseDockerfile(
      'FROM debian:12\nRUN ["sh", "-c", "curl -s x | sh"]\nCMD ["node", "server.js"]\n',
      'Dockerfile',
    );
    const [, run, cmd] = df.stages[0]?.instructions ?? [];
    expect(run?.json).toEqual(['sh', '-c', 'curl -s x | sh']);
    expect(run?.script?.language).toBe('exec');
    expect(run?.script?.commands.map((c) => [c.base, c.context])).toEqual([
      ['sh', 'top'],
      ['curl', 'shell-string'],
      ['sh', 'shell-string'],
    ]);
    expect(cmd?.json).toEqual(['node', 'server.js']);
  });

  it('does not parse PowerShell RUNs as bash, and keeps ONBUILD triggers', async () => {
    const df = await parseDockerfile(
      'FROM mcr.microsoft.com/windows/servercore:ltsc2022\nSHELL ["powershell", "-Command"]\nRUN Invoke-WebRequest x | iex\nONBUILD RUN echo hi\n',
      'Dockerfile',
    );
    const [, , run, onbuild] = df.stages[0]?.instructions ?? [];
    expect(run?.script).toEqual({ language: 'other', commands: [], hasErrors: false });
    expect(onbuild?.trigger?.keyword).toBe('RUN');
    expect(onbuild?.trigger?.script?.language).toBe('other');
    const posix = await parseDockerfile('FROM alpine:3.20\nONBUILD RUN echo hi\n', 'Dockerfile');
    expect(posix.stages[0]?.instructions[1]?.trigger?.script?.commands.map((c) => c.base)).toEqual(['echo']);
  });

  it('resolves a FROM that names an earlier stage, case-insensitively', async () => {
    const df = await parseDockerfile('FROM alpine:3.20 AS Base\nFROM base\n', 'Dockerfile');
    expect(df.stages[1]?.baseStage).toBe(0);
  });

  it('keeps unresolved variables visible', async () => {
    const df = await parseDockerfile('FROM node:${NODE}\n', 'Dockerfile');
    expect(df.stages[0]?.image.unresolved).toBe(true);
  });

  it.each([
    ['', 1, /empty Dockerfile/],
    ['# only a comment\n\n', 1, /empty Dockerfile/],
    ['FROM alpine:3.20\nRUNN echo hi\n', 2, /unknown instruction "RUNN"/],
    ['RUN echo hi\nFROM alpine:3.20\n', 1, /RUN before the first FROM/],
    ['ARG X=1\n', 1, /no FROM/],
    ['FROM alpine:3.20\nRUN <<EOF\necho hi\n', 2, /unterminated heredoc <<EOF/],
    ['FROM alpine:3.20\nCMD ["node", server.js]\n', 2, /not a valid JSON array/],
    ['FROM alpine:3.20\nSHELL /bin/bash -c\n', 2, /SHELL requires the JSON form/],
    ['FROM\n', 1, /FROM requires an image/],
    ['FROM alpine:3.20 AS\n', 1, /FROM takes an image/],
    ['FROM alpine:3.20\n\u0000\u0001\u0002binary', 2, /binary content/],
    ['FROM alpine:3.20\nRUN echo hi\n  && echo continued-without-backslash\n', 3, /unknown instruction "&&"/],
  ])('rejects invalid input %j with a one-line error at line %i', async (content, line, re) => {
    const e = await parseError(content);
    expect(e.code).toBe('DOCKERFILE_PARSE');
    expect(e.message).toMatch(new RegExp(`^app/Dockerfile:${line}: `));
    expect(e.message).toMatch(re);
    expect(e.message).not.toContain('\n');
  });

  it('accepts RUN [ test ] in shell form', async () => {
    const df = await parseDockerfile('FROM alpine:3.20\nRUN [ -f /x ] || echo missing\n', 'Dockerfile');
    expect(df.stages[0]?.instructions[1]?.script?.commands.map((c) => c.base)).toEqual(['echo']);
  });
});
