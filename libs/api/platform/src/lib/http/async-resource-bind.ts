import { AsyncResource } from 'node:async_hooks';

const LEAN = Symbol.for('gfmd.leanAsyncResourceBind');

/**
 * `AsyncResource.prototype.bind` without the deprecated `asyncResource` property (DEP0172).
 *
 * Fastify binds one callback per request body (`ContentTypeParser.run`). On Node 20 and 24,
 * every bind also defines an `asyncResource` getter and setter on the bound function, each
 * wrapped by `util.deprecate`, which sets the wrapper's prototype: about 4 % of the API's
 * CPU in a registration rush, and more in garbage collection. Node 25 dropped the property
 * (DEP0172 End-of-Life, nodejs/node#58618); this is that version's `bind`. Nothing in the API
 * or its dependencies reads the property. Measured in docs/performance.md ("Registration
 * rush", session 17).
 *
 * Installed once, by configureHttpApp, only where the running Node still adds the property.
 * Returns whether it replaced Node's own.
 */
export function installLeanAsyncResourceBind(): boolean {
  const proto = AsyncResource.prototype as AsyncResource & { [LEAN]?: true };
  if (proto[LEAN]) return false;
  if (!('asyncResource' in new AsyncResource('gfmd-probe').bind(() => undefined))) return false;
  Object.defineProperty(proto, LEAN, { value: true });
  type Fn = (...args: unknown[]) => unknown;
  function bind(this: AsyncResource, fn: Fn, thisArg?: unknown): Fn {
    if (typeof fn !== 'function') {
      throw Object.assign(new TypeError(`The "fn" argument must be of type function. Received ${typeof fn}`), {
        code: 'ERR_INVALID_ARG_TYPE',
      });
    }
    let bound: Fn;
    if (thisArg === undefined) {
      // eslint-disable-next-line @typescript-eslint/no-this-alias -- as Node's own: the resource, not the caller's this
      const resource = this;
      bound = function (this: unknown, ...args: unknown[]) {
        return resource.runInAsyncScope(fn, this, ...args);
      };
    } else {
      bound = this.runInAsyncScope.bind(this, fn, thisArg) as Fn;
    }
    Object.defineProperty(bound, 'length', {
      configurable: true,
      enumerable: false,
      value: fn.length,
      writable: false,
    });
    return bound;
  }
  proto.bind = bind as unknown as AsyncResource['bind'];
  return true;
}
