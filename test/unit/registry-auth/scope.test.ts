import { describe, expect, it } from 'vitest';
import { formatScope, parseScope, parseScopes } from '../../../src/registry-auth/scope';

describe('registry scopes', () => {
  it('parses type, name and actions', () => {
    expect(parseScope('repository:team/app:pull,push')).toEqual({
      type: 'repository',
      name: 'team/app',
      actions: ['pull', 'push'],
    });
  });

  it('keeps a host:port inside the name (type at the first colon, actions after the last)', () => {
    expect(parseScope('repository:registry.example.com:5000/team/app:pull')).toEqual({
      type: 'repository',
      name: 'registry.example.com:5000/team/app',
      actions: ['pull'],
    });
  });

  it('parses the catalog scope and a resource class', () => {
    expect(parseScope('registry:catalog:*')).toEqual({ type: 'registry', name: 'catalog', actions: ['*'] });
    expect(parseScope('repository(plugin):team/app:pull')).toEqual({
      type: 'repository',
      name: 'team/app',
      actions: ['pull'],
    });
  });

  it.each([
    ['repository', 'expected type:name:actions'],
    ['repository:team/app', 'expected type:name:actions'],
    ['repository::pull', 'invalid resource name'],
    [':team/app:pull', 'invalid resource type'],
    ['Repo:team/app:pull', 'invalid resource type'],
    ['repository:team//app:pull', 'invalid resource name'],
    ['repository:team/app:pull,,push', 'invalid actions'],
    ['repository:team/app:', 'invalid actions'],
    ['repository:team/app:PULL', 'invalid actions'],
    ['repository:team app:pull', 'invalid resource name'],
    [`repository:${'a'.repeat(300)}:pull`, 'invalid resource name'],
  ])('refuses %j', (text, why) => {
    expect(parseScope(text)).toBe(why);
  });

  it('merges repeated scopes and splits space-separated ones (OAuth2 form)', () => {
    expect(
      parseScopes(['repository:a/b:pull', 'repository:a/b:push repository:c/d:pull', 'registry:catalog:*']),
    ).toEqual({
      scopes: [
        { type: 'repository', name: 'a/b', actions: ['pull', 'push'] },
        { type: 'repository', name: 'c/d', actions: ['pull'] },
        { type: 'registry', name: 'catalog', actions: ['*'] },
      ],
    });
    expect(parseScopes([])).toEqual({ scopes: [] });
  });

  it('names the first malformed scope', () => {
    expect(parseScopes(['repository:a/b:pull', 'nonsense'])).toEqual({
      error: 'scope "nonsense": expected type:name:actions',
    });
  });

  it('formats scopes back to the wire form', () => {
    expect(formatScope({ type: 'repository', name: 'h:5000/a', actions: ['pull', 'push'] })).toBe(
      'repository:h:5000/a:pull,push',
    );
  });
});
