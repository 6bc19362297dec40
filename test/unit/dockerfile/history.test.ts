import { describe, expect, it } from 'vitest';
import { lintDockerfile, matchHistoryToInstruction } from '../../../src/dockerfile/index';

const DOCKERFILE = [
  'FROM golang:1.22 AS build', // 1
  'WORKDIR /src', // 2
  'COPY . .', // 3
  'RUN go build -o /out/app .', // 4
  'FROM debian:12-slim', // 5
  'ARG VERSION=1.0', // 6
  'ENV APP_HOME=/app PORT=8080', // 7
  'RUN apt-get update \\', // 8
  '  && apt-get install -y --no-install-recommends ca-certificates \\', // 9
  '  && rm -rf /var/lib/apt/lists/*', // 10
  'WORKDIR /app', // 11
  'COPY --from=build /out/app /app/app', // 12
  'COPY config.yaml /app/', // 13
  'RUN useradd -r app', // 14
  'USER app', // 15
  'EXPOSE 8080', // 16
  'HEALTHCHECK CMD curl -f http://localhost:8080/ || exit 1', // 17
  'ENTRYPOINT ["/app/app"]', // 18
  'CMD ["--serve"]', // 19
  '',
].join('\n');

describe('matchHistoryToInstruction', async () => {
  const { target } = await lintDockerfile({ path: 'Dockerfile', content: DOCKERFILE });
  const line = (s: string) => matchHistoryToInstruction(s, target)?.line;

  it('maps docker classic builder history', () => {
    expect(line('/bin/sh -c #(nop)  ENV APP_HOME=/app PORT=8080')).toBe(7);
    expect(
      line(
        '|1 VERSION=1.0 /bin/sh -c apt-get update   && apt-get install -y --no-install-recommends ca-certificates   && rm -rf /var/lib/apt/lists/*',
      ),
    ).toBe(8);
    expect(
      line(
        '/bin/sh -c #(nop) COPY file:4b3c2a1f0e9d8c7b6a5f4e3d2c1b0a9f8e7d6c5b4a3f2e1d0c9b8a7f6e5d4c3b in /app/ ',
      ),
    ).toBe(13);
    expect(line('/bin/sh -c #(nop) WORKDIR /app')).toBe(11);
    expect(line('/bin/sh -c #(nop)  USER app')).toBe(15);
    expect(line('/bin/sh -c #(nop)  EXPOSE 8080/tcp')).toBe(16);
    expect(line('/bin/sh -c #(nop)  CMD ["--serve"]')).toBe(19);
    expect(line('/bin/sh -c #(nop)  ENTRYPOINT ["/app/app"]')).toBe(18);
    expect(line('/bin/sh -c useradd -r app')).toBe(14);
  });

  it('maps BuildKit history', () => {
    expect(
      line(
        'RUN |1 VERSION=1.0 /bin/sh -c apt-get update   && apt-get install -y --no-install-recommends ca-certificates   && rm -rf /var/lib/apt/lists/* # buildkit',
      ),
    ).toBe(8);
    expect(line('COPY /out/app /app/app # buildkit')).toBe(12);
    expect(line('COPY config.yaml /app/ # buildkit')).toBe(13);
    expect(line('ENV APP_HOME=/app PORT=8080')).toBe(7);
    expect(line('USER app')).toBe(15);
    expect(line('WORKDIR /app')).toBe(11);
    expect(line('EXPOSE map[8080/tcp:{}]')).toBe(16);
    expect(
      line(
        'HEALTHCHECK &{["CMD-SHELL" "curl -f http://localhost:8080/ || exit 1"] "0s" "0s" "0s" "0s" \'\\x00\'}',
      ),
    ).toBe(17);
    expect(line('ENTRYPOINT ["/app/app"]')).toBe(18);
    expect(line('CMD ["--serve"]')).toBe(19);
    expect(line('ARG VERSION=1.0')).toBe(6);
    expect(line('RUN /bin/sh -c useradd -r app # buildkit')).toBe(14);
  });

  it('maps buildah and kaniko history', () => {
    expect(
      line(
        '/bin/sh -c #(nop) COPY dir:0a1b2c3d4e5f60718293a4b5c6d7e8f90a1b2c3d4e5f60718293a4b5c6d7e8f in /app/ ',
      ),
    ).toBe(13);
    expect(line('/bin/sh -c useradd -r app')).toBe(14);
    expect(line('RUN useradd -r app')).toBe(14);
    expect(line('COPY config.yaml /app/')).toBe(13);
    expect(line('ENV APP_HOME=/app PORT=8080')).toBe(7);
  });

  it('does not map build-stage or unknown instructions', () => {
    expect(line('RUN /bin/sh -c go build -o /out/app . # buildkit')).toBeUndefined();
    expect(line('/bin/sh -c #(nop) ADD file:abc in / ')).toBeUndefined();
    expect(line('something else entirely')).toBeUndefined();
    expect(line('RUN /bin/sh -c npm ci # buildkit')).toBeUndefined();
  });

  it('returns both lines of a multi-line instruction', () => {
    expect(
      matchHistoryToInstruction(
        '/bin/sh -c apt-get update && apt-get install -y --no-install-recommends ca-certificates && rm -rf /var/lib/apt/lists/*',
        target,
      ),
    ).toEqual({ line: 8, endLine: 10 });
  });
});
