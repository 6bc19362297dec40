import { describe, expect, it } from 'vitest';
import { hits } from './helpers';

describe('DockerfileLintOptions', () => {
  it('minimalBases adds hardened bases to the minimal allow-list', async () => {
    const df = 'FROM registry.example.com/hardened/python:3.12\n';
    expect(await hits('SG-DF-003', df)).toHaveLength(1);
    expect(await hits('SG-DF-003', df, { minimalBases: ['registry.example.com/hardened/*'] })).toEqual([]);
  });

  it('nonRootImages marks images whose default user is not root', async () => {
    const df = 'FROM ghcr.io/org/base-nonroot:1\nCOPY app /app\n';
    expect(await hits('SG-DF-001', df)).toHaveLength(1);
    expect(await hits('SG-DF-001', df, { nonRootImages: ['ghcr.io/org/base-nonroot:*'] })).toEqual([]);
  });

  it('ignoreImages exempts base images from the base-image rules only', async () => {
    const df = 'FROM internal/builder\nUSER root\n';
    const opts = { ignoreImages: ['internal/builder'] };
    for (const id of ['SG-DF-003', 'SG-DF-004', 'SG-DF-005']) {
      expect(await hits(id, df)).toHaveLength(1);
      expect(await hits(id, df, opts)).toEqual([]);
    }
    expect(await hits('SG-DF-001', df, opts)).toHaveLength(1);
  });

  it('allowedRegistries accepts registry globs and registry/namespace prefixes', async () => {
    const opts = { allowedRegistries: ['*.example.com', 'ghcr.io/org'] };
    expect(await hits('SG-DF-053', 'FROM mirror.example.com/node:20\n', opts)).toEqual([]);
    expect(await hits('SG-DF-053', 'FROM ghcr.io/org/app:1\n', opts)).toEqual([]);
    expect(await hits('SG-DF-053', 'FROM ghcr.io/other/app:1\n', opts)).toHaveLength(1);
    expect(await hits('SG-DF-053', 'FROM node:20\n', { allowedRegistries: ['docker.io'] })).toEqual([]);
    expect(await hits('SG-DF-053', 'FROM node:20\n', { allowedRegistries: ['hub.docker.com'] })).toEqual([]);
  });

  it('inlinePragmas: false turns inline pragmas off', async () => {
    const df = 'FROM debian:12\n# shipgate ignore=SG-DF-011\nRUN apt-get install python\n';
    expect(await hits('SG-DF-011', df)).toEqual([]);
    expect(await hits('SG-DF-011', df, { inlinePragmas: false })).toHaveLength(1);
  });

  it('target makes the named stage the final one', async () => {
    const df =
      'FROM golang:1.22 AS build\nRUN go build -o /app .\nFROM gcr.io/distroless/static-debian12:nonroot AS runtime\nCOPY --from=build /app /app\n';
    expect(await hits('SG-DF-001', df)).toEqual([]);
    const asBuild = await hits('SG-DF-001', df, { target: 'build' });
    expect(asBuild.map((f) => f.location?.startLine)).toEqual([1]);
    expect((await hits('SG-DF-003', df, { target: 'BUILD' })).length).toBe(1);
    await expect(hits('SG-DF-001', df, { target: 'test' })).rejects.toThrow(/no stage named "test"/);
  });
});
