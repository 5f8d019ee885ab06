import { AsyncLocalStorage, AsyncResource } from 'node:async_hooks';
import { installLeanAsyncResourceBind } from './async-resource-bind';

describe('installLeanAsyncResourceBind', () => {
  beforeAll(() => installLeanAsyncResourceBind());

  it('binds without the deprecated asyncResource property, so no deprecate wrappers per bind', () => {
    const bound = new AsyncResource('test').bind(() => 1);
    expect('asyncResource' in bound).toBe(false);
    expect(AsyncResource.bind(() => 1)).not.toHaveProperty('asyncResource');
  });

  it('runs the function in the async context the resource was made in', () => {
    const storage = new AsyncLocalStorage<string>();
    const resource = storage.run('the request', () => new AsyncResource('test'));
    const bound = resource.bind(() => storage.getStore());
    expect(storage.run('another', bound)).toBe('the request');
    expect(bound()).toBe('the request');
  });

  it('keeps the arguments, the caller’s this (or the one given) and the length, as Node does', () => {
    const resource = new AsyncResource('test');
    function add(this: { base: number } | undefined, a: number, b: number) {
      return (this?.base ?? 0) + a + b;
    }
    const free = resource.bind(add);
    expect(free.length).toBe(2);
    expect(free.call({ base: 10 }, 1, 2)).toBe(13);
    // Node takes a thisArg too (its types leave it out).
    const bindWith = resource.bind as unknown as (fn: typeof add, thisArg: { base: number }) => typeof add;
    const fixed = bindWith.call(resource, add, { base: 100 });
    expect(fixed.call({ base: 10 }, 1, 2)).toBe(103);
    expect(fixed.length).toBe(2);
  });

  it('refuses what is not a function, as Node does', () => {
    expect(() => new AsyncResource('test').bind(42 as never)).toThrow(
      expect.objectContaining({ code: 'ERR_INVALID_ARG_TYPE' }),
    );
  });

  it('is installed once', () => {
    const bind = AsyncResource.prototype.bind;
    expect(installLeanAsyncResourceBind()).toBe(false);
    expect(AsyncResource.prototype.bind).toBe(bind);
  });
});
