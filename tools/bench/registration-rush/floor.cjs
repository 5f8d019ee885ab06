// The HTTP floor of the rush: an empty NestJS 11 app on the API's adapter (Fastify) with the
// registration route's path, answering 201 with a constant body: no guard, pipe, logger,
// database or Redis. The rush measures it with the same clients, so its figure is the most any
// NestJS API could reach here.
//   node tools/bench/registration-rush/floor.cjs <port>
require('reflect-metadata');
const { Body, Controller, HttpCode, Module, Param, Post } = require('@nestjs/common');
const { NestFactory } = require('@nestjs/core');
const { FastifyAdapter } = require('@nestjs/platform-fastify');

class FloorController {
  register() {
    return { id: '00000000-0000-4000-8000-000000000000', status: 'confirmed', spaces: [] };
  }
}
Reflect.decorate(
  [Post('dialogues/:id/registrations'), HttpCode(201)],
  FloorController.prototype,
  'register',
  Object.getOwnPropertyDescriptor(FloorController.prototype, 'register'),
);
Param('id')(FloorController.prototype, 'register', 0);
Body()(FloorController.prototype, 'register', 1);
Reflect.decorate([Controller()], FloorController);

class FloorModule {}
Reflect.decorate([Module({ controllers: [FloorController] })], FloorModule);

NestFactory.create(FloorModule, new FastifyAdapter({ skipMiddie: true }), { logger: false }).then(async (app) => {
  app.setGlobalPrefix('api/v1');
  await app.listen(Number(process.argv[2]), '127.0.0.1');
  console.log('floor listening');
  // A normal exit on the bench's SIGTERM, so that --cpu-prof (BENCH_FLOOR_NODE_ARGS) writes its profile.
  process.once('SIGTERM', () => app.close().then(() => process.exit(0)));
});
